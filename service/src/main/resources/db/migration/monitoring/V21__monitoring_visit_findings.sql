-- What a visit (入户走访) assessed that the risk-cleared table reads: large rigid spending resolved, new risk found.
-- Visits outside a task (a helper's regular visit to a monitored household) are kept per household.
ALTER TABLE monitoring_task_visit ADD COLUMN rigid_spend_resolved BOOLEAN;
ALTER TABLE monitoring_task_visit ADD COLUMN new_risk_detected BOOLEAN;

CREATE TABLE monitoring_household_visit
(
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    household_id         BIGINT        NOT NULL,
    visit_date           DATE          NOT NULL,
    cadre_id             BIGINT        NOT NULL,
    findings             VARCHAR(1000) NOT NULL,
    measures             VARCHAR(300)  NOT NULL,
    other_measure        VARCHAR(200),
    rigid_spend_resolved BOOLEAN,
    new_risk_detected    BOOLEAN,
    recorded_by          VARCHAR(64)   NOT NULL,
    recorded_at          TIMESTAMP     NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_monitoring_household_visit ON monitoring_household_visit (household_id, visit_date);
