-- Spring Modulith JDBC event publication registry (schema v2), the transactional outbox.
CREATE TABLE EVENT_PUBLICATION
(
    id                     VARCHAR(36)  NOT NULL,
    listener_id            VARCHAR(512) NOT NULL,
    event_type             VARCHAR(512) NOT NULL,
    serialized_event       TEXT         NOT NULL,
    publication_date       TIMESTAMP(6) NOT NULL,
    completion_date        TIMESTAMP(6) NULL DEFAULT NULL,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP(6) NULL DEFAULT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX event_publication_by_completion_date_idx ON EVENT_PUBLICATION (completion_date);
