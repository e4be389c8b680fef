-- Monitoring tasks (监测任务) raised from findings. open_flag is 1 while a task is not closed and NULL after, so the
-- unique key allows at most one open task per household and task code (NULLs never collide).
CREATE TABLE monitoring_task
(
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    household_id      BIGINT       NOT NULL,
    task_code         VARCHAR(40)  NOT NULL,
    task_type         VARCHAR(40)  NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    open_flag         TINYINT,
    assignee_cadre_id BIGINT,
    due_date          DATE         NOT NULL,
    opened_at         TIMESTAMP    NOT NULL,
    last_seen_at      TIMESTAMP    NOT NULL,
    assessment_id     BIGINT       NOT NULL,
    finding_file      VARCHAR(100) NOT NULL,
    finding_row       INT          NOT NULL,
    finding_code      VARCHAR(40)  NOT NULL,
    reason            VARCHAR(500),
    cleared_note      VARCHAR(500),
    version           BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_monitoring_task_open UNIQUE (household_id, task_code, open_flag)
);
CREATE INDEX ix_monitoring_task_assignee ON monitoring_task (assignee_cadre_id, open_flag, due_date);

CREATE TABLE monitoring_task_history
(
    id       BIGINT       NOT NULL AUTO_INCREMENT,
    task_id  BIGINT       NOT NULL,
    position INT          NOT NULL,
    at       TIMESTAMP    NOT NULL,
    action   VARCHAR(30)  NOT NULL,
    note     VARCHAR(500),
    PRIMARY KEY (id),
    CONSTRAINT fk_monitoring_task_history FOREIGN KEY (task_id) REFERENCES monitoring_task (id)
);
CREATE INDEX ix_monitoring_task_history ON monitoring_task_history (task_id, position);
