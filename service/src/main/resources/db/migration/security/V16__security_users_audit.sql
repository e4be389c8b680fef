-- Accounts (账号) with one role each, tied to a registry cadre, village or department where the role needs it;
-- failed logins lock an account for a while. The audit trail (审计日志) of logins, writes, exports and full-ID reads.
CREATE TABLE security_user
(
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    username        VARCHAR(50)  NOT NULL,
    password_hash   VARCHAR(200) NOT NULL,
    display_name    VARCHAR(50)  NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    cadre_id        BIGINT,
    village_id      BIGINT,
    department      VARCHAR(20),
    api_key_hash    CHAR(64),
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts INT          NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP    NULL,
    created_at      TIMESTAMP    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_security_user_name UNIQUE (username),
    CONSTRAINT uk_security_user_api_key UNIQUE (api_key_hash)
);

CREATE TABLE security_audit
(
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    at             TIMESTAMP    NOT NULL,
    username       VARCHAR(100),
    role           VARCHAR(20),
    action         VARCHAR(20)  NOT NULL,
    target         VARCHAR(300),
    outcome        VARCHAR(20),
    detail         VARCHAR(500),
    remote_address VARCHAR(64),
    PRIMARY KEY (id)
);
CREATE INDEX ix_security_audit_user ON security_audit (username, id);
CREATE INDEX ix_security_audit_action ON security_audit (action, id);
