package cn.shoudi.security;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks an API key without a password hash. A key is 256 random bits, so its SHA-256 cannot be turned back into it
 * and a slow hash (BCrypt) would add nothing but CPU; the key is found by its digest, so no stored secret is ever
 * compared with a presented one character by character and the time an answer takes tells nothing about any key.
 * A key found is trusted for {@code shoudi.security.api-key-cache-ttl} (30 s) without reading the database again;
 * revoking a key or changing an account clears the cache of this instance when the change commits, other instances
 * reread within that time. When the key was last used is written at most once a minute.
 */
@Component
class ApiKeyAuthenticator {

    private static final int MAX_CACHED = 10_000;
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    /** The result of a check. */
    sealed interface Outcome permits Accepted, Refused {
    }

    /** The key is valid: sign in as its account. */
    record Accepted(AccountPrincipal principal, String prefix) implements Outcome {
    }

    /**
     * The key is refused.
     *
     * @param username the key's account when the key is known (revoked, expired, disabled account), else null
     * @param outcome  for the audit trail: BAD_API_KEY, EXPIRED_API_KEY, REVOKED_API_KEY, DISABLED, ADMIN_API_KEY
     * @param message  for the client, in Chinese
     */
    record Refused(String username, String outcome, String message) implements Outcome {
    }

    private record Known(ApiKey key, Account account, Instant loadedAt, AtomicReference<Instant> useRecorded) {
    }

    private final ApiKeys keys;
    private final Accounts accounts;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Known> cache = new ConcurrentHashMap<>();

    ApiKeyAuthenticator(ApiKeys keys, Accounts accounts, Clock clock, SecurityProperties properties) {
        this.keys = keys;
        this.accounts = accounts;
        this.clock = clock;
        this.ttl = properties.apiKeyCacheTtl();
    }

    Outcome check(String presented) {
        String hash = sha256(presented);
        Instant now = clock.instant();
        Known known = cache.get(hash);
        if (known == null || !known.loadedAt().plus(ttl).isAfter(now)) {
            known = load(hash, now);
        }
        if (known == null) {
            return new Refused(null, "BAD_API_KEY", "API 密钥无效");
        }
        Account account = known.account();
        ApiKey.Status status = known.key().status(now);
        if (status == ApiKey.Status.REVOKED) {
            return new Refused(account.username(), "REVOKED_API_KEY", "API 密钥已吊销，请向系统管理员申请新密钥");
        }
        if (status == ApiKey.Status.EXPIRED) {
            return new Refused(account.username(), "EXPIRED_API_KEY", "API 密钥已过期，请向系统管理员申请新密钥");
        }
        if (!account.enabled()) {
            return new Refused(account.username(), "DISABLED", "账号已停用");
        }
        if (account.role() == Role.ADMIN) {
            return new Refused(account.username(), "ADMIN_API_KEY", "系统管理员账号不能使用 API 密钥");
        }
        recordUse(known, now);
        return new Accepted(new AccountPrincipal(account, now), known.key().prefix());
    }

    /**
     * Forgets every key checked so far, now and again when the current transaction commits (so that a check running
     * meanwhile cannot keep what the transaction is changing).
     */
    void forgetAll() {
        cache.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.clear();
                }
            });
        }
    }

    private Known load(String hash, Instant now) {
        Known known = keys.findByKeyHash(hash)
                .flatMap(k -> accounts.findById(k.accountId())
                        .map(a -> new Known(k, a, now, new AtomicReference<>(k.lastUsedAt()))))
                .orElse(null);
        if (known == null) {
            cache.remove(hash);
            return null;
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(hash, known);
        return known;
    }

    private void recordUse(Known known, Instant now) {
        Instant last = known.useRecorded().get();
        if ((last == null || last.plus(USE_RECORDED_EVERY).isBefore(now))
                && known.useRecorded().compareAndSet(last, now)) {
            keys.markUsed(known.key().id(), now);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
