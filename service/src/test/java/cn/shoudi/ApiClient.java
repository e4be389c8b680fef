package cn.shoudi;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** Real HTTP calls to the application under test, and a wait for its outbox to drain. */
public final class ApiClient {

    private final RestClient http;
    private final JdbcClient jdbc;

    public ApiClient(int port, JdbcClient jdbc) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE).build();
        this.jdbc = jdbc;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> post(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Map.class);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> put(String path, Object body) {
        return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Map.class);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> get(String path) {
        return http.get().uri(path).retrieve().body(Map.class);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> getList(String path) {
        return http.get().uri(path).retrieve().body(List.class);
    }

    public RestClient http() {
        return http;
    }

    /** Waits until every event in the outbox (event publication registry) has been handled. */
    public void awaitOutboxDrained() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE completion_date IS NULL")
                .query(Long.class).single() == 0L);
    }
}
