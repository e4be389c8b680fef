-- Full re-evaluations (全量重新评估): progress and checkpoint, so a run resumes where it stopped after a crash; the
-- owner and heartbeat let exactly one instance work on a run.
CREATE TABLE assessment_run
(
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    reason            VARCHAR(200) NOT NULL,
    policy_version    VARCHAR(64)  NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    total             INT          NOT NULL,
    done              INT          NOT NULL,
    changed           INT          NOT NULL,
    failed            INT          NOT NULL,
    last_household_id BIGINT       NOT NULL,
    owner             VARCHAR(64),
    heartbeat_at      TIMESTAMP    NULL,
    started_at        TIMESTAMP    NOT NULL,
    updated_at        TIMESTAMP    NOT NULL,
    finished_at       TIMESTAMP    NULL,
    PRIMARY KEY (id)
);
