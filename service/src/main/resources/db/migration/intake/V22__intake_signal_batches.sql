-- Department batches (部门批量报送): a department's daily file of signals, kept with who sent it and when, its counts
-- and the result of every record, so that the sender can fetch the report again. The signals themselves are stored in
-- intake_signal as single ones are (idempotent per source event id).
CREATE TABLE intake_signal_batch
(
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    department  VARCHAR(10)  NOT NULL,
    file_name   VARCHAR(255),
    format      VARCHAR(10)  NOT NULL,
    records     INT          NOT NULL,
    created     INT          NOT NULL,
    unmatched   INT          NOT NULL,
    duplicates  INT          NOT NULL,
    invalid     INT          NOT NULL,
    households  INT          NOT NULL,
    received_by VARCHAR(64)  NOT NULL,
    received_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (id)
);

-- One row per record of a batch, by its line (JSON lines) or row (CSV, XLSX) number: NEW (新增), UNMATCHED (未匹配,
-- stored and queued for review), DUPLICATE (重复, nothing stored), INVALID (无效, nothing stored), with its problems
-- in Chinese (one per line) and the signal and household it concerns.
CREATE TABLE intake_signal_batch_record
(
    batch_id     BIGINT        NOT NULL,
    line_no      INT           NOT NULL,
    event_id     VARCHAR(100),
    status       VARCHAR(10)   NOT NULL,
    problems     VARCHAR(2000),
    signal_id    BIGINT,
    household_id BIGINT,
    PRIMARY KEY (batch_id, line_no),
    CONSTRAINT fk_intake_batch_record_batch FOREIGN KEY (batch_id) REFERENCES intake_signal_batch (id)
);
