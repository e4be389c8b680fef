package cn.shoudi.security;

import cn.shoudi.ApiClient;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators reach, over real HTTP: probes and the health status for anyone, the health components and details
 * only for the administrator and the monitoring account, and Prometheus scraping with the monitoring system's own
 * machine credential (role 监控采集, an API key issued by the administrator) that opens nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorEndpointsIntegrationTest {

    /** An answer's status and body. */
    record Answer(int status, String body) {
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    String scraperKey;

    @BeforeAll
    void accounts() {
        ApiClient officer = new ApiClient(port, jdbc);
        admin = officer.asRole("ADMIN", "admin");
        long scraper = TestTownship.id(admin.post("/api/admin/users", Map.of("username",
                "prometheus-" + System.nanoTime() % 1_000_000, "password", "scraper-password-1",
                "displayName", "监控系统", "role", "METRICS")));
        Map<String, Object> issued = admin.post("/api/admin/users/" + scraper + "/api-keys",
                Map.of("name", "Prometheus", "expiresInDays", 365));
        scraperKey = (String) issued.get("apiKey");
        assertThat(scraperKey).startsWith("sd_");
    }

    @Test
    void anyoneGetsTheHealthStatusAndTheProbesButNotTheComponentsOrTheirDetails() {
        Answer health = call(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("db")
                .doesNotContain("diskSpace").doesNotContain("path");
        assertThat(call(null, "/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(call(null, "/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(call(null, "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(call(null, "/actuator/metrics").status()).isEqualTo(401);
    }

    @Test
    void theAdministratorAndTheMonitoringAccountSeeTheComponents() {
        Answer asAdmin = call(admin.http(), "/actuator/health");
        assertThat(asAdmin.body()).contains("\"components\"").contains("\"db\"").contains("\"diskSpace\"");
        Answer asScraper = call(withKey(scraperKey), "/actuator/health");
        assertThat(asScraper.body()).contains("\"components\"").contains("\"db\"");
        Answer asOfficer = call(new ApiClient(port, jdbc).http(), "/actuator/health");
        assertThat(asOfficer.status()).isEqualTo(200);
        assertThat(asOfficer.body()).contains("\"status\":\"UP\"").doesNotContain("components");
    }

    @Test
    void theMonitoringAccountScrapesPrometheusAndNothingElse() {
        Answer scrape = call(withKey(scraperKey), "/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
        RestClient bearer = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + scraperKey).build();
        assertThat(call(bearer, "/actuator/prometheus").status()).as("the key as Prometheus sends it").isEqualTo(200);
        assertThat(call(withKey(scraperKey), "/actuator/metrics").status()).isEqualTo(403);
        assertThat(call(withKey(scraperKey), "/api/households").status()).isEqualTo(403);
        assertThat(call(withKey(scraperKey), "/api/admin/users").status()).isEqualTo(403);
        assertThat(call(withKey("sd_" + "0".repeat(43)), "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(call(new ApiClient(port, jdbc).http(), "/actuator/prometheus").status()).isEqualTo(403);
    }

    private RestClient withKey(String key) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultHeader("X-Api-Key", key).build();
    }

    private Answer call(RestClient client, String path) {
        RestClient c = client != null ? client : RestClient.builder().baseUrl("http://localhost:" + port).build();
        return c.get().uri(path).exchange((rq, rs) -> new Answer(rs.getStatusCode().value(),
                new String(rs.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
}
