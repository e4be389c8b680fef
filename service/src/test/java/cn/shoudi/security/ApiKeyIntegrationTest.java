package cn.shoudi.security;

import cn.shoudi.ApiClient;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys of integration accounts over real HTTP on a real database: issued, rotated and revoked by the administrator
 * (shown once, stored as a hash), acting with their account's role and scope, refused when wrong, expired, revoked or
 * when the account is disabled — at once, although checked keys are cached — and every refusal audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyIntegrationTest {

    /** An answer's status and body. */
    record Answer(int status, String body) {
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ApiClient officer;
    ApiClient admin;
    TestTownship town;

    @BeforeAll
    void township() {
        officer = new ApiClient(port, jdbc);
        admin = officer.asRole("ADMIN", "admin");
        town = new TestTownship(officer);
    }

    @Test
    void aKeyIsShownOnceStoredAsAHashAndActsWithItsAccountsRole() {
        long account = account("INFO_OFFICER", null);
        Answer issued = call(admin, HttpMethod.POST, "/api/admin/users/" + account + "/api-keys",
                "{\"name\":\"县级平台\",\"expiresInDays\":30}");
        assertThat(issued.status()).isEqualTo(201);
        String key = field(issued.body(), "apiKey");
        assertThat(key).startsWith("sd_").hasSize(46);
        assertThat(field(issued.body(), "prefix")).isEqualTo(key.substring(0, 11));
        Map<String, Object> row = jdbc.sql("SELECT key_hash, expires_at, created_by FROM security_api_key "
                + "WHERE account_id = ?").param(account).query().singleRow();
        assertThat(row.get("key_hash")).isEqualTo(ApiKeyAuthenticator.sha256(key));
        assertThat(((Timestamp) row.get("expires_at")).toInstant())
                .isBetween(Instant.now().plus(29, ChronoUnit.DAYS), Instant.now().plus(31, ChronoUnit.DAYS));
        assertThat(row.get("created_by")).isEqualTo("t-admin");
        Answer listed = call(admin, HttpMethod.GET, "/api/admin/users/" + account + "/api-keys", null);
        assertThat(listed.body()).contains("县级平台", "ACTIVE").doesNotContain(key)
                .doesNotContain(ApiKeyAuthenticator.sha256(key));

        ApiClient platform = officer.withApiKey(key);
        Answer created = call(platform, HttpMethod.POST, "/api/households",
                town.household("AK" + System.nanoTime(), 9000));
        assertThat(created.status()).isEqualTo(201);
        assertThat(call(platform, HttpMethod.GET, "/api/admin/users", null).status()).isEqualTo(403);
        assertThat(call(platform, HttpMethod.GET, "/api/policy/rules", null).status()).isEqualTo(403);
        List<String> details = jdbc.sql("SELECT detail FROM security_audit WHERE username = ? AND action = 'WRITE'")
                .param(username(account)).query(String.class).list();
        assertThat(details).isNotEmpty().allMatch(d -> d.equals("api-key " + key.substring(0, 11)));
        assertThat(jdbc.sql("SELECT last_used_at FROM security_api_key WHERE account_id = ?").param(account)
                .query(Timestamp.class).single()).isNotNull();
    }

    @Test
    void aKeyIsScopedLikeItsAccount() {
        TestTownship other = new TestTownship(officer);
        long theirs = TestTownship.id(officer.post("/api/households", other.household("AK" + System.nanoTime(), 9000)));
        ApiClient villageOfficer = officer.withApiKey(key(account("INFO_OFFICER", town.villageId)));
        assertThat(call(villageOfficer, HttpMethod.GET, "/api/households/" + theirs, null).status()).isEqualTo(404);
        Answer elsewhere = call(villageOfficer, HttpMethod.POST, "/api/households",
                other.household("AK" + System.nanoTime(), 9000));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("行政村不存在");
        ApiClient department = officer.withApiKey(key(account("DEPARTMENT", null)));
        assertThat(call(department, HttpMethod.POST, "/api/households",
                town.household("AK" + System.nanoTime(), 9000)).status()).isEqualTo(403);
        ApiClient leader = officer.withApiKey(key(account("LEADER", null)));
        assertThat(call(leader, HttpMethod.GET, "/api/villages", null).status()).isEqualTo(200);
        assertThat(call(leader, HttpMethod.POST, "/api/households",
                town.household("AK" + System.nanoTime(), 9000)).status()).isEqualTo(403);
    }

    @Test
    void aWrongKeyIsRefusedAndAudited() {
        Answer refused = call(officer.withApiKey("sd_" + "x".repeat(43)), HttpMethod.GET, "/api/villages", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("API 密钥无效");
        assertThat(failures(null, "BAD_API_KEY")).isPositive();
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceThoughItWasCached() {
        long account = account("INFO_OFFICER", null);
        Map<String, Object> issued = issue(account, "{\"name\":\"县级平台\"}");
        ApiClient platform = officer.withApiKey((String) issued.get("apiKey"));
        assertThat(call(platform, HttpMethod.GET, "/api/villages", null).status()).isEqualTo(200);
        Answer revoked = call(admin, HttpMethod.DELETE, "/api/admin/api-keys/" + keyId(issued), null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body()).contains("REVOKED", "已吊销", "t-admin");

        Answer refused = call(platform, HttpMethod.GET, "/api/villages", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("已吊销");
        assertThat(failures(username(account), "REVOKED_API_KEY")).isEqualTo(1);
        assertThat(call(admin, HttpMethod.POST, "/api/admin/api-keys/" + keyId(issued) + "/rotate", "{}").body())
                .contains("已吊销，不能轮换");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM security_audit WHERE action = 'ACCOUNT' AND outcome = 'REVOKED' "
                + "AND target LIKE ?").param("% of " + username(account)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void rotatingKeepsTheOldKeyForTheGracePeriodOnly() {
        long account = account("DEPARTMENT", null);
        Map<String, Object> first = issue(account, "{\"name\":\"医保结算\",\"expiresInDays\":90}");
        ApiClient old = officer.withApiKey((String) first.get("apiKey"));
        assertThat(call(old, HttpMethod.GET, "/api/signals/review", null).status()).isEqualTo(403);

        Answer rotated = call(admin, HttpMethod.POST, "/api/admin/api-keys/" + keyId(first) + "/rotate",
                "{\"graceHours\":2}");
        assertThat(rotated.status()).isEqualTo(201);
        String second = field(rotated.body(), "apiKey");
        assertThat(second).isNotEqualTo(first.get("apiKey"));
        assertThat(rotated.body()).contains("医保结算");
        assertThat(call(officer.withApiKey(second), HttpMethod.GET, "/api/signals/review", null).status())
                .isEqualTo(403);
        assertThat(call(old, HttpMethod.GET, "/api/signals/review", null).status())
                .as("the old key works during the grace period").isEqualTo(403);
        List<Map<String, Object>> keys = jdbc.sql("SELECT expires_at, created_at FROM security_api_key "
                + "WHERE account_id = ? ORDER BY id").param(account).query().listOfRows();
        assertThat(keys).hasSize(2);
        assertThat(((Timestamp) keys.get(0).get("expires_at")).toInstant())
                .isBefore(Instant.now().plus(2, ChronoUnit.HOURS).plusSeconds(5));
        assertThat(((Timestamp) keys.get(1).get("expires_at")).toInstant())
                .isAfter(Instant.now().plus(89, ChronoUnit.DAYS));

        String thirdRotation = field(call(admin, HttpMethod.POST, "/api/admin/api-keys/"
                + field(rotated.body(), "id") + "/rotate", "{\"graceHours\":0}").body(), "apiKey");
        assertThat(call(officer.withApiKey(second), HttpMethod.GET, "/api/signals/review", null).status())
                .as("grace 0 revokes the old key at once").isEqualTo(401);
        assertThat(call(officer.withApiKey(thirdRotation), HttpMethod.GET, "/api/signals/review", null).status())
                .isEqualTo(403);
    }

    @Test
    void anExpiredKeyIsRefusedAndAudited() {
        long account = account("INFO_OFFICER", null);
        Map<String, Object> issued = issue(account, "{\"name\":\"县级平台\",\"expiresInDays\":1}");
        jdbc.sql("UPDATE security_api_key SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), keyId(issued)).update();
        Answer refused = call(officer.withApiKey((String) issued.get("apiKey")), HttpMethod.GET, "/api/villages",
                null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("已过期");
        assertThat(failures(username(account), "EXPIRED_API_KEY")).isEqualTo(1);
        assertThat(call(admin, HttpMethod.GET, "/api/admin/users/" + account + "/api-keys", null).body())
                .contains("EXPIRED");
    }

    @Test
    void disablingTheAccountStopsItsKeysAtOnce() {
        long account = account("INFO_OFFICER", null);
        ApiClient platform = officer.withApiKey(key(account));
        assertThat(call(platform, HttpMethod.GET, "/api/villages", null).status()).isEqualTo(200);
        String user = username(account);
        String disabled = "{\"displayName\":\"县级平台\",\"role\":\"INFO_OFFICER\",\"enabled\":false}";
        assertThat(call(admin, HttpMethod.PUT, "/api/admin/users/" + account, disabled).status()).isEqualTo(200);
        Answer refused = call(platform, HttpMethod.GET, "/api/villages", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("账号已停用");
        assertThat(failures(user, "DISABLED")).isEqualTo(1);
        assertThat(call(admin, HttpMethod.POST, "/api/admin/users/" + account + "/api-keys", "{\"name\":\"再发\"}")
                .body()).contains("已停用，不能签发");

        assertThat(call(admin, HttpMethod.PUT, "/api/admin/users/" + account, disabled.replace("false", "true"))
                .status()).isEqualTo(200);
        assertThat(call(platform, HttpMethod.GET, "/api/villages", null).status()).isEqualTo(200);
    }

    @Test
    void aPasswordLockOutLeavesTheAccountsKeysWorking() {
        long account = account("INFO_OFFICER", null);
        ApiClient platform = officer.withApiKey(key(account));
        String user = username(account);
        RestClient wrong = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, "wrong-password-1", StandardCharsets.UTF_8)).build();
        for (int i = 0; i < 5; i++) {
            assertThat(wrong.get().uri("/api/villages").exchange(AccessMatrixIntegrationTest.STATUS))
                    .isEqualTo(401);
        }
        RestClient right = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, "integration-pw-1", StandardCharsets.UTF_8)).build();
        assertThat(right.get().uri("/api/villages").exchange(AccessMatrixIntegrationTest.STATUS))
                .as("the password is locked").isEqualTo(401);
        assertThat(call(platform, HttpMethod.GET, "/api/villages", null).status())
                .as("a 256-bit key cannot be guessed; locking it would let anyone cut an integration off")
                .isEqualTo(200);
    }

    @Test
    void refusesKeysThatWouldWeakenTheAccounts() {
        long adminAccount = account("ADMIN", null);
        assertThat(call(admin, HttpMethod.POST, "/api/admin/users/" + adminAccount + "/api-keys",
                "{\"name\":\"脚本\"}").body()).contains("系统管理员账号不能有 API 密钥");
        long account = account("INFO_OFFICER", null);
        Answer bad = call(admin, HttpMethod.POST, "/api/admin/users/" + account + "/api-keys",
                "{\"name\":\" \",\"expiresInDays\":0}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("密钥名称不能为空", "有效期应为1–730天");
        for (int i = 0; i < ApiKeyService.MAX_ACTIVE; i++) {
            issue(account, "{\"name\":\"k" + i + "\"}");
        }
        assertThat(call(admin, HttpMethod.POST, "/api/admin/users/" + account + "/api-keys", "{\"name\":\"k\"}")
                .body()).contains("最多有5个有效的 API 密钥");
        assertThat(call(admin, HttpMethod.PUT, "/api/admin/users/" + account,
                "{\"displayName\":\"县级平台\",\"role\":\"ADMIN\"}").body()).contains("不能改为系统管理员");
        assertThat(call(admin, HttpMethod.GET, "/api/admin/users", null).body())
                .contains("\"username\":\"" + username(account) + "\"");
    }

    /** A new account of this role through the administrator's API (a department account is 医保's). */
    private long account(String role, Long villageId) {
        String name = "k-" + role.toLowerCase().replace('_', '-') + "-" + System.nanoTime() % 1_000_000_000L;
        Map<String, Object> body = new HashMap<>(Map.of("username", name, "password", "integration-pw-1",
                "displayName", "接口" + role, "role", role));
        if (villageId != null) {
            body.put("villageId", villageId);
        }
        if (role.equals("DEPARTMENT")) {
            body.put("department", "医保");
        }
        return TestTownship.id(admin.post("/api/admin/users", body));
    }

    private String username(long account) {
        return jdbc.sql("SELECT username FROM security_user WHERE id = ?").param(account).query(String.class).single();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> issue(long account, String body) {
        return admin.http().post().uri("/api/admin/users/" + account + "/api-keys")
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Map.class);
    }

    private String key(long account) {
        return (String) issue(account, "{\"name\":\"接口\"}").get("apiKey");
    }

    @SuppressWarnings("unchecked")
    private static long keyId(Map<String, Object> issued) {
        return ((Number) ((Map<String, Object>) issued.get("key")).get("id")).longValue();
    }

    private long failures(String username, String outcome) {
        return username == null
                ? jdbc.sql("SELECT COUNT(*) FROM security_audit WHERE action = 'LOGIN_FAILED' AND outcome = ? "
                + "AND username IS NULL AND remote_address IS NOT NULL").param(outcome).query(Long.class).single()
                : jdbc.sql("SELECT COUNT(*) FROM security_audit WHERE action = 'LOGIN_FAILED' AND outcome = ? "
                + "AND username = ?").params(outcome, username).query(Long.class).single();
    }

    private static Answer call(ApiClient client, HttpMethod method, String path, Object json) {
        RestClient.RequestBodySpec spec = client.http().method(method).uri(path);
        if (json != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return spec.exchange((rq, rs) -> new Answer(rs.getStatusCode().value(),
                new String(rs.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    /** A string or number field of a JSON answer, wherever it is nested. */
    private static String field(String body, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(body);
        assertThat(m.find()).as(name + " in " + body).isTrue();
        return m.group(1);
    }
}
