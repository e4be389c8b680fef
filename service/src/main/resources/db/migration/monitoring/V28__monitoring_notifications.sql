-- Notifications (消息提醒) of cadres outside the browser: each message is stored before it is sent (the outbox of the
-- channel) with its delivery record: attempts, the last error, when it is tried next, when it was sent. The markers
-- say which task events a message covered, so that no event is announced twice (of two instances composing at once,
-- the second fails on the primary key and its transaction is rolled back).
CREATE TABLE monitoring_notification
(
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    kind            VARCHAR(20)  NOT NULL,
    cadre_id        BIGINT,
    village_id      BIGINT,
    dedupe_key      VARCHAR(150) NOT NULL,
    channel         VARCHAR(20)  NOT NULL,
    content         TEXT         NOT NULL,
    status          VARCHAR(10)  NOT NULL,
    attempts        INT          NOT NULL,
    last_error      VARCHAR(300),
    next_attempt_at TIMESTAMP    NOT NULL,
    claimed_at      TIMESTAMP    NULL,
    created_at      TIMESTAMP    NOT NULL,
    sent_at         TIMESTAMP    NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_monitoring_notification UNIQUE (dedupe_key)
);
CREATE INDEX ix_monitoring_notification_due ON monitoring_notification (status, next_attempt_at);

CREATE TABLE monitoring_notification_task
(
    task_id         BIGINT      NOT NULL,
    kind            VARCHAR(20) NOT NULL,
    seq             VARCHAR(20) NOT NULL,
    notification_id BIGINT      NOT NULL,
    PRIMARY KEY (task_id, kind, seq)
);
