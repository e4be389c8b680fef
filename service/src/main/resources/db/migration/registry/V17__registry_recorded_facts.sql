-- Recorded facts of the fact catalogue (数据项目录) beyond the registry's basic columns: one JSON object per household
-- and per member, key = catalogue key, value = the fact's canonical text. A fact added to the catalogue needs no column.
ALTER TABLE registry_household ADD COLUMN facts VARCHAR(4000);
ALTER TABLE registry_member ADD COLUMN facts VARCHAR(2000);

-- Per-fact change history (数据项变更记录): these facts decide eligibility, so every change keeps who, when, old and new.
CREATE TABLE registry_fact_change
(
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    household_id BIGINT       NOT NULL,
    member_name  VARCHAR(50),
    fact_key     VARCHAR(60)  NOT NULL,
    old_value    VARCHAR(400),
    new_value    VARCHAR(400),
    changed_by   VARCHAR(64)  NOT NULL,
    changed_at   TIMESTAMP    NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_registry_fact_change_household ON registry_fact_change (household_id, id);
