package cn.shoudi.security;

import cn.shoudi.ApiClient;
import cn.shoudi.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web safety over real HTTP: login throttling, CSRF on the login form, the session cookie's flags, security headers,
 * the request size limit, and error answers that show no internals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31"})
class WebSafetyIntegrationTest {

    static final RestClient.RequestHeadersSpec.ExchangeFunction<Integer> STATUS =
            (rq, rs) -> rs.getStatusCode().value();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPasswordAndAreAudited() {
        String user = TestAccounts.ensure(jdbc, "t-lock-" + System.nanoTime() % 100000, "LEADER", null, null, null);
        for (int i = 0; i < 5; i++) {
            assertThat(basic(user, "wrong-" + i)).isEqualTo(401);
        }
        assertThat(basic(user, TestAccounts.PASSWORD)).isEqualTo(401);
        jdbc.sql("UPDATE security_user SET locked_until = ? WHERE username = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), user).update();
        assertThat(basic(user, TestAccounts.PASSWORD)).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM security_audit WHERE username = ? AND action = 'LOGIN_FAILED'")
                .param(user).query(Long.class).single()).isGreaterThanOrEqualTo(6);
        assertThat(jdbc.sql("SELECT outcome FROM security_audit WHERE username = ? AND action = 'LOGIN_FAILED' "
                + "ORDER BY id DESC LIMIT 1").param(user).query(String.class).single()).isEqualTo("Locked");
    }

    @Test
    void theLoginFormNeedsItsCsrfTokenAndTheSessionCookieIsSecureHttpOnlyAndSameSite() {
        RestClient browser = RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER).build())).build();
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", TestAccounts.ensure(jdbc, "t-leader", "LEADER", null, null, null));
        form.add("password", TestAccounts.PASSWORD);
        assertThat(browser.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .exchange(STATUS)).isEqualTo(403);
        HttpHeaders headers = browser.get().uri("/login").exchange((rq, rs) -> rs.getHeaders());
        String login = browser.get().uri("/login").retrieve().body(String.class);
        assertThat(login).contains("name=\"_csrf\"", "登录");
        List<String> cookies = headers.getOrEmpty(HttpHeaders.SET_COOKIE);
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure")
                .contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        RestClient signedIn = new ApiClient(port, jdbc).pages("t-leader");
        assertThat(signedIn.get().uri("/reports/township").exchange(STATUS))
                .isIn(200, 404);
    }

    @Test
    void aTooLargeBodyIsRefusedBeforeItIsRead() {
        ApiClient officer = new ApiClient(port, jdbc);
        String big = "{\"householdNo\":\"" + "x".repeat(1_100_000) + "\"}";
        String answer = officer.http().post().uri("/api/households").contentType(MediaType.APPLICATION_JSON)
                .body(big).exchange((rq, rs) -> rs.getStatusCode().value() + " "
                        + new String(rs.getBody().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(answer).startsWith("413").contains("请求内容超过");
    }

    @Test
    void errorAnswersShowNoStackTraceNorInternals() {
        ApiClient officer = new ApiClient(port, jdbc);
        for (String[] request : new String[][] {{"/api/households", "{not json"}, {"/api/households/abc", null}}) {
            String answer = request[1] == null
                    ? officer.http().get().uri(request[0]).exchange((rq, rs) -> rs.getStatusCode().value() + " "
                    + new String(rs.getBody().readAllBytes(), StandardCharsets.UTF_8))
                    : officer.http().post().uri(request[0]).contentType(MediaType.APPLICATION_JSON).body(request[1])
                    .exchange((rq, rs) -> rs.getStatusCode().value() + " "
                            + new String(rs.getBody().readAllBytes(), StandardCharsets.UTF_8));
            assertThat(answer).startsWith("400").doesNotContain("Exception", "at cn.", "at org.", "SQL", "trace");
        }
    }

    private int basic(String user, String password) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, password)).build()
                .get().uri("/api/villages").exchange(STATUS);
    }
}
