package cn.shoudi;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.core.io.ByteArrayResource;

import static org.awaitility.Awaitility.await;

/** Real HTTP calls to the application under test, and a wait for its outbox to drain. */
public final class ApiClient {

    private final RestClient http;
    private final JdbcClient jdbc;

    private final int port;

    /** Signed in as the township-wide information officer (reads and edits every village's households). */
    public ApiClient(int port, JdbcClient jdbc) {
        this(port, jdbc, TestAccounts.officer(jdbc), null);
    }

    private ApiClient(int port, JdbcClient jdbc, String username, String apiKey) {
        RestClient.Builder b = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE);
        if (apiKey != null) {
            b.defaultHeader("X-Api-Key", apiKey);
        } else if (username != null) {
            b.defaultHeaders(h -> h.setBasicAuth(username, TestAccounts.PASSWORD, StandardCharsets.UTF_8));
        }
        this.http = b.build();
        this.jdbc = jdbc;
        this.port = port;
    }

    /** The same application, signed in as another test account (see {@link TestAccounts}). */
    public ApiClient as(String username) {
        return new ApiClient(port, jdbc, username, null);
    }

    /** Signed in as the registry cadre (an information officer's account for an information officer). */
    public ApiClient asCadre(long cadreId) {
        return as(TestAccounts.cadre(jdbc, cadreId));
    }

    /** Signed in as a role-only account (LEADER, POLICY, ADMIN …) named {@code t-<name>}. */
    public ApiClient asRole(String role, String name) {
        return as(TestAccounts.ensure(jdbc, "t-" + name, role, null, null, null));
    }

    /** The department's client, by its API key. */
    public ApiClient asDepartment(String department) {
        return new ApiClient(port, jdbc, null, TestAccounts.department(jdbc, department));
    }

    /**
     * A browser-like client for pages, signed in through the login form (CSRF token included) as this account; it
     * sends the session cookie and does not follow redirects.
     */
    public RestClient pages(String username) {
        RestClient plain = RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(
                        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                                .build())).build();
        String[] first = plain.get().uri("/login").exchange((rq, rs) -> new String[] {
                session(rs.getHeaders()), new String(rs.getBody().readAllBytes(), StandardCharsets.UTF_8)});
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(first[1]);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", TestAccounts.PASSWORD);
        form.add("_csrf", m.group(1));
        String cookie = plain.post().uri("/login").header("Cookie", first[0])
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .exchange((rq, rs) -> {
                    if (!rs.getStatusCode().is3xxRedirection()
                            || String.valueOf(rs.getHeaders().getLocation()).contains("error")) {
                        throw new IllegalStateException("login failed: " + rs.getStatusCode());
                    }
                    return session(rs.getHeaders());
                });
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultHeader("Cookie", cookie)
                .requestFactory(new JdkClientHttpRequestFactory(
                        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                                .build())).build();
    }

    private static String session(HttpHeaders headers) {
        return headers.getOrEmpty("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse("");
    }

    /** The same application, signed in by an API key (header {@code X-Api-Key}). */
    public ApiClient withApiKey(String apiKey) {
        return new ApiClient(port, jdbc, null, apiKey);
    }

    /** Not signed in. */
    public ApiClient anonymous() {
        return new ApiClient(port, jdbc, null, null);
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
    public Map<String, Object> patch(String path, Object body) {
        return http.patch().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Map.class);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> get(String path) {
        return http.get().uri(path).retrieve().body(Map.class);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> getList(String path) {
        return http.get().uri(path).retrieve().body(List.class);
    }

    /**
     * Posts a file as multipart field "file" with the given name, plus form fields (name, value, name, value …), and
     * returns the JSON answer.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> upload(String path, String fileName, byte[] bytes, String... fields) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        return http.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().body(Map.class);
    }

    public RestClient http() {
        return http;
    }

    /** Waits until every event in the outbox (event publication registry) has been handled. */
    public void awaitOutboxDrained() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE completion_date IS NULL")
                .query(Long.class).single() == 0L);
    }
}
