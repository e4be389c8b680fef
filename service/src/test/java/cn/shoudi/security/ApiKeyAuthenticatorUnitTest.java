package cn.shoudi.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The key cache of {@link ApiKeyAuthenticator}, with the repositories mocked and a clock that moves: a checked key is
 * not read again within the cache's time, is read again after it, and not at all after {@code forgetAll}; when it was
 * last used is written at most once a minute.
 */
class ApiKeyAuthenticatorUnitTest {

    static final String KEY = "sd_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    final ApiKeys keys = mock(ApiKeys.class);
    final Accounts accounts = mock(Accounts.class);
    final Account account = new Account(7L, "county-platform", "{bcrypt}x", "县级平台", Role.INFO_OFFICER, null, null,
            null, true, 0, null, T0);
    final ApiKey key = new ApiKey(3L, 7L, "县级平台", KEY.substring(0, 11), ApiKeyAuthenticator.sha256(KEY), T0,
            "admin", T0.plus(Duration.ofDays(30)), null, null, null);
    Instant now = T0;

    ApiKeyAuthenticator authenticator() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        when(keys.findByKeyHash(ApiKeyAuthenticator.sha256(KEY))).thenReturn(Optional.of(key));
        when(accounts.findById(7L)).thenReturn(Optional.of(account));
        return new ApiKeyAuthenticator(keys, accounts, clock,
                new SecurityProperties(null, null, 0, null, 0, 0, Duration.ofSeconds(30)));
    }

    @Test
    void aCheckedKeyIsTrustedForTheCacheTimeThenReadAgain() {
        ApiKeyAuthenticator authenticator = authenticator();
        assertThat(authenticator.check(KEY)).isInstanceOf(ApiKeyAuthenticator.Accepted.class);
        when(keys.findByKeyHash(any())).thenReturn(Optional.of(key.revoke("admin", T0)));
        now = T0.plusSeconds(29);
        assertThat(authenticator.check(KEY)).as("another instance's revocation is not seen yet")
                .isInstanceOf(ApiKeyAuthenticator.Accepted.class);
        verify(keys, times(1)).findByKeyHash(any());
        now = T0.plusSeconds(30);
        assertThat(authenticator.check(KEY)).isInstanceOfSatisfying(ApiKeyAuthenticator.Refused.class,
                r -> assertThat(r.outcome()).isEqualTo("REVOKED_API_KEY"));
    }

    @Test
    void forgettingMakesTheNextCheckReadTheDatabase() {
        ApiKeyAuthenticator authenticator = authenticator();
        assertThat(authenticator.check(KEY)).isInstanceOf(ApiKeyAuthenticator.Accepted.class);
        when(accounts.findById(7L)).thenReturn(Optional.of(account.with(Role.INFO_OFFICER, null, null, null, false,
                "县级平台")));
        authenticator.forgetAll();
        assertThat(authenticator.check(KEY)).isInstanceOfSatisfying(ApiKeyAuthenticator.Refused.class,
                r -> assertThat(r).isEqualTo(new ApiKeyAuthenticator.Refused("county-platform", "DISABLED",
                        "账号已停用")));
    }

    @Test
    void aKeyExpiresWhileCached() {
        ApiKeyAuthenticator authenticator = authenticator();
        assertThat(authenticator.check(KEY)).isInstanceOf(ApiKeyAuthenticator.Accepted.class);
        now = key.expiresAt();
        assertThat(authenticator.check(KEY)).isInstanceOfSatisfying(ApiKeyAuthenticator.Refused.class,
                r -> assertThat(r.outcome()).isEqualTo("EXPIRED_API_KEY"));
    }

    @Test
    void anUnknownKeyIsRefusedAndNotRemembered() {
        ApiKeyAuthenticator authenticator = authenticator();
        String other = KEY.replace('0', '1');
        assertThat(authenticator.check(other)).isEqualTo(new ApiKeyAuthenticator.Refused(null, "BAD_API_KEY",
                "API 密钥无效"));
        when(keys.findByKeyHash(ApiKeyAuthenticator.sha256(other))).thenReturn(Optional.of(key));
        assertThat(authenticator.check(other)).isInstanceOf(ApiKeyAuthenticator.Accepted.class);
    }

    @Test
    void recordsUseAtMostOnceAMinute() {
        ApiKeyAuthenticator authenticator = authenticator();
        for (int i = 0; i < 20; i++) {
            now = T0.plusSeconds(i);
            authenticator.check(KEY);
        }
        verify(keys, times(1)).markUsed(3L, T0);
        now = T0.plusSeconds(61);
        authenticator.check(KEY);
        verify(keys).markUsed(3L, T0.plusSeconds(61));
        verify(keys, times(2)).markUsed(anyLong(), any());
    }
}
