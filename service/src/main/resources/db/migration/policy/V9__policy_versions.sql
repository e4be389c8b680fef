-- Policy versions (策略版本): the whole set of decision tables and parameters, with who did what, and the audit of
-- every upload, validation, simulation, approval, publication and rollback.
CREATE TABLE policy_version
(
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    label             VARCHAR(64)  NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    checksum          CHAR(64)     NOT NULL,
    comment           VARCHAR(500),
    based_on          BIGINT,
    created_by        VARCHAR(64)  NOT NULL,
    created_at        TIMESTAMP    NOT NULL,
    approved_by       VARCHAR(64),
    approved_at       TIMESTAMP    NULL,
    published_by      VARCHAR(64),
    published_at      TIMESTAMP    NULL,
    validation_report LONGTEXT,
    PRIMARY KEY (id)
);
CREATE INDEX ix_policy_version_status ON policy_version (status);

CREATE TABLE policy_file
(
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    version_id BIGINT       NOT NULL,
    position   INT          NOT NULL,
    file_name  VARCHAR(100) NOT NULL,
    checksum   CHAR(64)     NOT NULL,
    content    LONGBLOB     NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_policy_file_version FOREIGN KEY (version_id) REFERENCES policy_version (id)
);
CREATE INDEX ix_policy_file_version ON policy_file (version_id, position);

CREATE TABLE policy_audit
(
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    at               TIMESTAMP   NOT NULL,
    actor            VARCHAR(64) NOT NULL,
    action           VARCHAR(30) NOT NULL,
    version_id       BIGINT,
    other_version_id BIGINT,
    detail           LONGTEXT,
    PRIMARY KEY (id)
);
CREATE INDEX ix_policy_audit_version ON policy_audit (version_id);
