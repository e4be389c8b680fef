-- Background runs (household imports, policy simulations): their state lives here rather than in the memory of the
-- instance that runs them, so any instance reports a run's progress, and a run whose owner stopped heartbeating is
-- taken over by another instance. The input (an uploaded file) is kept until the run ends, so another instance can
-- run the work again; the checkpoint (JSON) says how far a run's writes got.
CREATE TABLE background_run
(
    id           VARCHAR(36)   NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    done         INT           NOT NULL,
    total        INT           NOT NULL,
    options      VARCHAR(2000) NOT NULL,
    input        LONGBLOB      NULL,
    checkpoint   VARCHAR(2000) NULL,
    report       LONGTEXT      NULL,
    error        VARCHAR(2000) NULL,
    owner        VARCHAR(64)   NULL,
    heartbeat_at TIMESTAMP     NULL,
    attempts     INT           NOT NULL,
    started_at   TIMESTAMP     NOT NULL,
    updated_at   TIMESTAMP     NOT NULL,
    finished_at  TIMESTAMP     NULL,
    PRIMARY KEY (id)
);

CREATE INDEX background_run_status ON background_run (status, heartbeat_at);
