package cn.shoudi.security;

import cn.shoudi.AuditTrail;
import cn.shoudi.InvalidRequestException;
import cn.shoudi.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * API keys (API 密钥) of integration accounts, issued, rotated and revoked by an administrator. A key is shown once,
 * when it is issued; only its SHA-256 is kept. An account may have several keys (at most {@value #MAX_ACTIVE} valid
 * at a time), each with a name and an expiry, so that a key can be replaced without a moment in which the integration
 * has none. Any role an integration needs may have keys, except the administrator: account management is done by a
 * person who signs in.
 */
@Service
public class ApiKeyService {

    static final int MAX_ACTIVE = 5;
    private static final int DEFAULT_DAYS = 365;
    private static final int MAX_DAYS = 730;
    private static final int DEFAULT_GRACE_HOURS = 24;
    private static final int MAX_GRACE_HOURS = 168;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A key to issue.
     *
     * @param name          what the key is for, e.g. 县级平台; 1–50 characters
     * @param expiresInDays 1–730; null means 365
     */
    public record NewKey(String name, Integer expiresInDays) {
    }

    /**
     * A rotation: a new key with the same name and term replaces this one.
     *
     * @param graceHours how long the old key keeps working, 0–168 (0 revokes it at once); null means 24
     */
    public record Rotation(Integer graceHours) {
    }

    /** A key as the API shows it: never the key or its hash. */
    public record ApiKeyView(long id, long accountId, String name, String prefix, Instant createdAt, String createdBy,
                             Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String revokedBy,
                             String status, String statusLabel) {
    }

    /** A key just issued: {@code apiKey} is shown this once and cannot be read again. */
    public record IssuedKey(ApiKeyView key, String apiKey) {
    }

    private final ApiKeys keys;
    private final Accounts accounts;
    private final ApiKeyAuthenticator authenticator;
    private final AuditTrail audit;
    private final Clock clock;

    ApiKeyService(ApiKeys keys, Accounts accounts, ApiKeyAuthenticator authenticator, AuditTrail audit, Clock clock) {
        this.keys = keys;
        this.accounts = accounts;
        this.authenticator = authenticator;
        this.audit = audit;
        this.clock = clock;
    }

    /** Issues a key for an account. */
    @Transactional
    public IssuedKey issue(long accountId, NewKey request) {
        Account account = keyHolder(accountId);
        List<String> problems = new ArrayList<>();
        String name = request == null || request.name() == null ? "" : request.name().trim();
        if (name.isEmpty() || name.length() > 50) {
            problems.add("密钥名称不能为空，且不超过50个字符（例如“县级平台”）");
        }
        Integer days = request == null ? null : request.expiresInDays();
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            problems.add("有效期应为1–" + MAX_DAYS + "天，不填为" + DEFAULT_DAYS + "天");
        }
        if (active(accountId) >= MAX_ACTIVE) {
            problems.add("一个账号最多有" + MAX_ACTIVE + "个有效的 API 密钥，请先吊销不用的密钥");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        IssuedKey issued = create(account, name, Duration.ofDays(days == null ? DEFAULT_DAYS : days));
        record(issued.key(), account, "ISSUED");
        return issued;
    }

    /**
     * Replaces a key by a new one with the same name and term; the old key keeps working for the grace period, so
     * that the integration can switch without an outage.
     */
    @Transactional
    public IssuedKey rotate(long keyId, Rotation rotation) {
        ApiKey old = keys.findById(keyId).orElseThrow(() -> new InvalidRequestException("API 密钥不存在"));
        Integer grace = rotation == null ? null : rotation.graceHours();
        if (grace != null && (grace < 0 || grace > MAX_GRACE_HOURS)) {
            throw new InvalidRequestException("旧密钥保留时间应为0–" + MAX_GRACE_HOURS + "小时，不填为"
                    + DEFAULT_GRACE_HOURS + "小时，0为立即吊销");
        }
        if (old.revokedAt() != null) {
            throw new InvalidRequestException("密钥“" + old.name() + "”（" + old.prefix() + "…）已吊销，不能轮换；请签发新密钥");
        }
        Account account = keyHolder(old.accountId());
        Instant now = clock.instant();
        Duration term = old.expiresAt() == null ? Duration.ofDays(DEFAULT_DAYS)
                : Duration.between(old.createdAt(), old.expiresAt());
        int hours = grace == null ? DEFAULT_GRACE_HOURS : grace;
        ApiKey retired = hours == 0 ? old.revoke(Viewer.current().username(), now)
                : old.expireBy(now.plus(Duration.ofHours(hours)));
        record(view(keys.save(retired), now), account, hours == 0 ? "REVOKED" : "RETIRING");
        authenticator.forgetAll();
        IssuedKey issued = create(account, old.name(), term);
        record(issued.key(), account, "ROTATED");
        return issued;
    }

    /** Revokes a key at once; revoking a revoked key changes nothing. */
    @Transactional
    public ApiKeyView revoke(long keyId) {
        ApiKey key = keys.findById(keyId).orElseThrow(() -> new InvalidRequestException("API 密钥不存在"));
        Instant now = clock.instant();
        if (key.revokedAt() != null) {
            return view(key, now);
        }
        ApiKeyView revoked = view(keys.save(key.revoke(Viewer.current().username(), now)), now);
        accounts.findById(key.accountId()).ifPresent(a -> record(revoked, a, "REVOKED"));
        authenticator.forgetAll();
        return revoked;
    }

    /** The account's keys, valid or not, oldest first. */
    @Transactional(readOnly = true)
    public List<ApiKeyView> of(long accountId) {
        accounts.findById(accountId).orElseThrow(() -> new InvalidRequestException("账号不存在"));
        Instant now = clock.instant();
        return keys.findByAccountIdOrderById(accountId).stream().map(k -> view(k, now)).toList();
    }

    /** How many of the account's keys are valid now. */
    long active(long accountId) {
        Instant now = clock.instant();
        return keys.findByAccountIdOrderById(accountId).stream()
                .filter(k -> k.status(now) == ApiKey.Status.ACTIVE).count();
    }

    private Account keyHolder(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new InvalidRequestException("账号不存在"));
        if (account.role() == Role.ADMIN) {
            throw new InvalidRequestException("系统管理员账号不能有 API 密钥：账号管理须由本人登录操作");
        }
        if (!account.enabled()) {
            throw new InvalidRequestException("账号“" + account.username() + "”已停用，不能签发 API 密钥");
        }
        return account;
    }

    private IssuedKey create(Account account, String name, Duration term) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = "sd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        ApiKey saved = keys.save(new ApiKey(null, account.id(), name, key.substring(0, 11),
                ApiKeyAuthenticator.sha256(key), now, Viewer.current().username(), now.plus(term), null, null, null));
        return new IssuedKey(view(saved, now), key);
    }

    private void record(ApiKeyView key, Account account, String outcome) {
        audit.record(AuditTrail.Action.ACCOUNT, "api-key " + key.prefix() + " of " + account.username(), outcome,
                key.name());
    }

    private static ApiKeyView view(ApiKey k, Instant now) {
        ApiKey.Status status = k.status(now);
        return new ApiKeyView(k.id(), k.accountId(), k.name(), k.prefix(), k.createdAt(), k.createdBy(),
                k.expiresAt(), k.lastUsedAt(), k.revokedAt(), k.revokedBy(), status.name(), status.label());
    }
}
