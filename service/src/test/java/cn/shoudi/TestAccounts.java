package cn.shoudi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Accounts the integration tests sign in with, written straight into the accounts table (idempotently) with one
 * known password; department clients get a known API key that does not expire.
 */
public final class TestAccounts {

    public static final String PASSWORD = "test-password-1";
    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);

    private TestAccounts() {
    }

    /** Ensures an account exists with this role and ties; returns its name. */
    public static String ensure(JdbcClient jdbc, String username, String role, Long cadreId, Long villageId,
                                String department) {
        if (jdbc.sql("SELECT COUNT(*) FROM security_user WHERE username = ?").param(username).query(Long.class)
                .single() == 0) {
            jdbc.sql("INSERT INTO security_user (username, password_hash, display_name, role, cadre_id, village_id, "
                            + "department, enabled, failed_attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, 0, ?)")
                    .params(username, HASH, username, role, cadreId, villageId, department,
                            Timestamp.from(Instant.now()))
                    .update();
            if (department != null) {
                String key = apiKey(department);
                jdbc.sql("INSERT INTO security_api_key (account_id, name, prefix, key_hash, created_at, created_by) "
                                + "SELECT id, 'test', ?, ?, ?, 'test' FROM security_user WHERE username = ?")
                        .params(key.substring(0, 11), sha256(key), Timestamp.from(Instant.now()), username).update();
            }
        }
        return username;
    }

    /** The township-wide information officer most tests act as. */
    public static String officer(JdbcClient jdbc) {
        return ensure(jdbc, "t-officer", "INFO_OFFICER", null, null, null);
    }

    /** An account acting as a registry cadre: an information officer's account for an information officer. */
    public static String cadre(JdbcClient jdbc, long cadreId) {
        var row = jdbc.sql("SELECT role, village_id FROM registry_cadre WHERE id = ?").param(cadreId)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2)}).single();
        boolean officer = "INFO_OFFICER".equals(row[0]);
        Long village = row[1] == null ? null : ((Number) row[1]).longValue();
        return ensure(jdbc, "t-cadre-" + cadreId, officer ? "INFO_OFFICER" : "CADRE", cadreId, village, null);
    }

    /** The API key of the test account of a department (医保, 残联, …). */
    public static String apiKey(String department) {
        return "test-key-" + HexFormat.of().formatHex(department.getBytes(StandardCharsets.UTF_8));
    }

    /** Ensures the department's test account and returns its API key. */
    public static String department(JdbcClient jdbc, String department) {
        ensure(jdbc, "t-dept-" + HexFormat.of().formatHex(department.getBytes(StandardCharsets.UTF_8)), "DEPARTMENT",
                null, null, department);
        return apiKey(department);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
