-- A household's status (户类型, 建档立卡年份, 脱贫年份, 监测状态) is changed only by a decision: a completed procedure or an
-- administrator's correction. Each decision is kept whole (the status after it) with who, when and its reference.
ALTER TABLE registry_household ADD COLUMN monitoring_status VARCHAR(12);
ALTER TABLE registry_household ADD COLUMN monitoring_category VARCHAR(16);
ALTER TABLE registry_household ADD COLUMN monitoring_since DATE;
ALTER TABLE registry_household ADD COLUMN risk_cleared_on DATE;
CREATE INDEX ix_registry_household_monitoring ON registry_household (monitoring_status, monitoring_category);

CREATE TABLE registry_status_change
(
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    household_id        BIGINT       NOT NULL,
    kind                VARCHAR(24)  NOT NULL,
    effective_on        DATE         NOT NULL,
    household_class     VARCHAR(16)  NOT NULL,
    registered_year     INT,
    exit_year           INT,
    monitoring_status   VARCHAR(12),
    monitoring_category VARCHAR(16),
    monitoring_since    DATE,
    risk_cleared_on     DATE,
    summary             VARCHAR(500) NOT NULL,
    reference           VARCHAR(200),
    procedure_id        BIGINT,
    reason              VARCHAR(500),
    actor               VARCHAR(64)  NOT NULL,
    recorded_at         TIMESTAMP    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_registry_status_change_household FOREIGN KEY (household_id) REFERENCES registry_household (id)
);
CREATE INDEX ix_registry_status_change_household ON registry_status_change (household_id, id);
CREATE INDEX ix_registry_status_change_procedure ON registry_status_change (procedure_id);

-- Assistance measures (帮扶措施) a household received, one row per measure and date, recorded at visits.
CREATE TABLE registry_measure
(
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    household_id   BIGINT       NOT NULL,
    measure        VARCHAR(32)  NOT NULL,
    other_text     VARCHAR(200),
    implemented_on DATE         NOT NULL,
    cadre_id       BIGINT,
    source         VARCHAR(100) NOT NULL,
    recorded_at    TIMESTAMP    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_registry_measure_household FOREIGN KEY (household_id) REFERENCES registry_household (id)
);
CREATE INDEX ix_registry_measure_household ON registry_measure (household_id, implemented_on);
