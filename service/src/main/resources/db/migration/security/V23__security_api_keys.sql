-- API keys (API 密钥) of integration accounts: several per account, each with a name, an expiry and when it was last
-- used; only the key's SHA-256 is stored, with its first characters to recognise it in lists and the audit trail.
-- A revoked key keeps its row (who revoked it and when).
CREATE TABLE security_api_key
(
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    account_id   BIGINT      NOT NULL,
    name         VARCHAR(50) NOT NULL,
    prefix       VARCHAR(16) NOT NULL,
    key_hash     CHAR(64)    NOT NULL,
    created_at   TIMESTAMP   NOT NULL,
    created_by   VARCHAR(50) NOT NULL,
    expires_at   TIMESTAMP   NULL,
    last_used_at TIMESTAMP   NULL,
    revoked_at   TIMESTAMP   NULL,
    revoked_by   VARCHAR(50),
    PRIMARY KEY (id),
    CONSTRAINT uk_security_api_key_hash UNIQUE (key_hash),
    CONSTRAINT fk_security_api_key_account FOREIGN KEY (account_id) REFERENCES security_user (id)
);
CREATE INDEX ix_security_api_key_account ON security_api_key (account_id, id);

-- the one key a department account could have so far keeps working, without an expiry, until it is rotated
INSERT INTO security_api_key (account_id, name, prefix, key_hash, created_at, created_by)
SELECT id, 'API 密钥', 'sd_', api_key_hash, created_at, 'migration'
FROM security_user
WHERE api_key_hash IS NOT NULL;

ALTER TABLE security_user DROP COLUMN api_key_hash;
