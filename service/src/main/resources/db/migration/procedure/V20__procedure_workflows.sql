-- Procedures (程序): 识别, 退出, 纳入监测 and 风险消除 as guarded workflows, one row per procedure and one per step taken.
CREATE TABLE procedure_case
(
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    version             BIGINT       NOT NULL,
    household_id        BIGINT       NOT NULL,
    village_id          BIGINT,
    kind                VARCHAR(20)  NOT NULL,
    origin              VARCHAR(16)  NOT NULL,
    category            VARCHAR(16),
    green_channel       BOOLEAN      NOT NULL DEFAULT FALSE,
    status              VARCHAR(12)  NOT NULL,
    open_flag           INT,
    current_step        VARCHAR(20),
    notice_posted_on    DATE,
    step_due_date       DATE,
    final_due_date      DATE,
    assignee_cadre_id   BIGINT,
    assignee_level      VARCHAR(20),
    escalation_count    INT          NOT NULL DEFAULT 0,
    task_id             BIGINT,
    started_on          DATE         NOT NULL,
    started_by          VARCHAR(64)  NOT NULL,
    completed_on        DATE,
    decision_reference  VARCHAR(200),
    created_at          TIMESTAMP    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_procedure_case_open UNIQUE (household_id, kind, open_flag)
);
CREATE INDEX ix_procedure_case_due ON procedure_case (status, step_due_date);
CREATE INDEX ix_procedure_case_village ON procedure_case (village_id, status);

CREATE TABLE procedure_step
(
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    procedure_id BIGINT       NOT NULL,
    position     INT          NOT NULL,
    step         VARCHAR(20),
    outcome      VARCHAR(12)  NOT NULL,
    step_date    DATE,
    actor        VARCHAR(64)  NOT NULL,
    actor_role   VARCHAR(20),
    note         VARCHAR(1000),
    reference    VARCHAR(200),
    recorded_at  TIMESTAMP    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_procedure_step_case FOREIGN KEY (procedure_id) REFERENCES procedure_case (id)
);
CREATE INDEX ix_procedure_step_case ON procedure_step (procedure_id, position);
