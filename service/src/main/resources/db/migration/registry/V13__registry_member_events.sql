-- Member events (成员变动): birth, death, marriage in/out, moving away/back, household split (分户) and merge (合户),
-- kept as history; a merged household is marked and no longer evaluated.
ALTER TABLE registry_household ADD COLUMN status VARCHAR(10) NOT NULL DEFAULT 'ACTIVE';
ALTER TABLE registry_household ADD COLUMN merged_into BIGINT;

CREATE TABLE registry_member_event
(
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    household_id         BIGINT       NOT NULL,
    position             INT          NOT NULL,
    type                 VARCHAR(12)  NOT NULL,
    member_name          VARCHAR(50)  NOT NULL,
    member_id_number     VARCHAR(18),
    event_date           DATE         NOT NULL,
    related_household_id BIGINT,
    note                 VARCHAR(200),
    recorded_at          TIMESTAMP    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_registry_member_event FOREIGN KEY (household_id) REFERENCES registry_household (id)
);
CREATE INDEX ix_registry_member_event ON registry_member_event (household_id, position);
