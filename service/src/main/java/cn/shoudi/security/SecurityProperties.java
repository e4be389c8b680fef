package cn.shoudi.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Security settings.
 *
 * @param adminUsername     the first administrator, created when no administrator exists
 * @param adminPassword     its password; empty generates one and logs it once
 * @param maxFailedLogins   failed logins in a row that lock an account
 * @param lockDuration      how long a locked account stays locked
 * @param maxJsonBodyBytes  largest request body accepted outside file uploads and batches
 * @param maxBatchBodyBytes largest JSON-lines body (a department's batch of signals sent without a file upload)
 * @param apiKeyCacheTtl    how long an instance trusts an API key it has checked before reading it again; a key revoked
 *                          or an account disabled on another instance stops working there within this time
 */
@ConfigurationProperties("shoudi.security")
record SecurityProperties(String adminUsername, String adminPassword, int maxFailedLogins, Duration lockDuration,
                          long maxJsonBodyBytes, long maxBatchBodyBytes, Duration apiKeyCacheTtl) {

    SecurityProperties {
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername;
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        maxJsonBodyBytes = maxJsonBodyBytes <= 0 ? 1_048_576 : maxJsonBodyBytes;
        maxBatchBodyBytes = maxBatchBodyBytes <= 0 ? 10_485_760 : maxBatchBodyBytes;
        apiKeyCacheTtl = apiKeyCacheTtl == null ? Duration.ofSeconds(30) : apiKeyCacheTtl;
    }
}
