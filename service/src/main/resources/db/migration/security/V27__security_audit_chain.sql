-- The audit trail chained by hash (防篡改): each sealed entry carries SHA-256 of the previous entry's hash and its own
-- content; the seal row holds the chain's head (last sealed id, its hash and how many entries the chain has), moved
-- only by a conditional update so that one instance seals at a time.
ALTER TABLE security_audit ADD COLUMN chain_hash CHAR(64) NULL;

CREATE TABLE security_audit_seal
(
    id        INT       NOT NULL,
    last_id   BIGINT    NOT NULL,
    last_hash CHAR(64)  NOT NULL,
    entries   BIGINT    NOT NULL,
    sealed_at TIMESTAMP NULL,
    PRIMARY KEY (id)
);
INSERT INTO security_audit_seal (id, last_id, last_hash, entries, sealed_at)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0, NULL);
