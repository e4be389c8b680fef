package cn.shoudi.security;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/**
 * An API key (API 密钥) of an integration account: the account signs in with it instead of a password. Only the key's
 * SHA-256 is kept, and its first characters ({@code prefix}) to tell keys apart in lists and in the audit trail.
 *
 * @param expiresAt null for a key migrated from before keys expired
 * @param revokedAt null while the key is not revoked
 */
@Table("security_api_key")
record ApiKey(@Id Long id, long accountId, String name, String prefix, String keyHash, Instant createdAt,
              String createdBy, Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String revokedBy) {

    /** What a key is at a given time. */
    enum Status {
        ACTIVE("有效"), EXPIRED("已过期"), REVOKED("已吊销");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? Status.EXPIRED : Status.ACTIVE;
    }

    ApiKey revoke(String by, Instant at) {
        return new ApiKey(id, accountId, name, prefix, keyHash, createdAt, createdBy, expiresAt, lastUsedAt, at, by);
    }

    /** The same key expiring at {@code at}, or sooner if it already would. */
    ApiKey expireBy(Instant at) {
        Instant sooner = expiresAt != null && expiresAt.isBefore(at) ? expiresAt : at;
        return new ApiKey(id, accountId, name, prefix, keyHash, createdAt, createdBy, sooner, lastUsedAt, revokedAt,
                revokedBy);
    }
}
