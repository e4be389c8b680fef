-- Task lifecycle: where in the assignment chain the assignee sits, the visits (入户走访) with the assistance measures
-- (帮扶措施) chosen, and the resolution.
ALTER TABLE monitoring_task ADD COLUMN assignee_level VARCHAR(20) NOT NULL DEFAULT 'HELPER';
ALTER TABLE monitoring_task ADD COLUMN escalation_count INT NOT NULL DEFAULT 0;
ALTER TABLE monitoring_task ADD COLUMN resolution VARCHAR(20);
ALTER TABLE monitoring_task ADD COLUMN resolution_note VARCHAR(500);
ALTER TABLE monitoring_task ADD COLUMN village_id BIGINT;
ALTER TABLE monitoring_task ADD COLUMN closed_at TIMESTAMP NULL;
CREATE INDEX ix_monitoring_task_due ON monitoring_task (open_flag, due_date);

CREATE TABLE monitoring_task_visit
(
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    task_id       BIGINT       NOT NULL,
    position      INT          NOT NULL,
    visit_date    DATE         NOT NULL,
    cadre_id      BIGINT       NOT NULL,
    findings      VARCHAR(1000) NOT NULL,
    measures      VARCHAR(300) NOT NULL,
    other_measure VARCHAR(200),
    recorded_at   TIMESTAMP    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_monitoring_task_visit FOREIGN KEY (task_id) REFERENCES monitoring_task (id)
);
CREATE INDEX ix_monitoring_task_visit ON monitoring_task_visit (task_id, position);
