-- Department early-warning signals (部门筛查预警信号) with their provenance: the source department's own event id
-- makes a signal idempotent; a signal whose ID number matches no member waits in the review queue (待核查队列).
CREATE TABLE intake_signal
(
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    source       VARCHAR(10)   NOT NULL,
    event_id     VARCHAR(100)  NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    amount       DECIMAL(14, 2),
    event_date   DATE          NOT NULL,
    id_number    VARCHAR(20)   NOT NULL,
    detail       VARCHAR(500),
    household_id BIGINT,
    status       VARCHAR(20)   NOT NULL,
    reason       VARCHAR(200),
    received_at  TIMESTAMP     NOT NULL,
    resolved_by  VARCHAR(64),
    PRIMARY KEY (id),
    CONSTRAINT uk_intake_signal_event UNIQUE (source, event_id)
);
CREATE INDEX ix_intake_signal_household ON intake_signal (household_id, event_date);
CREATE INDEX ix_intake_signal_status ON intake_signal (status);
