package cn.shoudi.contract;

import cn.shoudi.ApiClient;
import cn.shoudi.MappedEndpoints;
import cn.shoudi.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI contract as an integrator gets it over HTTP: served to signed-in accounts only, complete (every endpoint
 * mapped under {@code /api/**} with its method), every operation summarised in Chinese, every JSON write with an
 * example body, the sign-in methods and the problem answers declared; Swagger UI for a signed-in browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "shoudi.demo.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractIntegrationTest {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Set<String> WRITES = Set.of("post", "put", "patch");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ApiClient officer;
    JsonNode spec;

    @BeforeAll
    void fetchTheSpecAsAnInformationOfficer() throws Exception {
        officer = new ApiClient(port, jdbc);
        String body = officer.http().get().uri("/v3/api-docs").retrieve().body(String.class);
        spec = JsonMapper.builder().build().readTree(body);
        Path out = Path.of("target", "openapi.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, body);
    }

    @Test
    void theSpecIsOpenApi31WithAChineseTitle() {
        assertThat(spec.path("openapi").asString()).startsWith("3.1");
        assertThat(spec.path("info").path("title").asString()).containsPattern(CHINESE);
        assertThat(spec.path("info").path("description").asString()).containsPattern(CHINESE);
    }

    @Test
    void theSpecIsRefusedToAnAnonymousCallerAndServedToApiKeysBasicAndASession() {
        RestClient anonymous = officer.anonymous().http();
        Answer refused = answer(anonymous, "/v3/api-docs");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(answer(officer.http(), "/v3/api-docs").status()).isEqualTo(200);
        assertThat(answer(officer.asDepartment("医保").http(), "/v3/api-docs").status()).isEqualTo(200);
        RestClient bearer = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestAccounts.department(jdbc, "民政")).build();
        assertThat(answer(bearer, "/v3/api-docs").status()).isEqualTo(200);
        RestClient browser = officer.pages(TestAccounts.ensure(jdbc, "t-leader", "LEADER", null, null, null));
        assertThat(answer(browser, "/v3/api-docs").status()).isEqualTo(200);
        assertThat(answer(browser, "/v3/api-docs.yaml").status()).isEqualTo(200);
    }

    /** Why the session cookie is declared but not among the schemes every operation accepts. */
    @Test
    void thePageSessionOpensTheContractButNotTheApi() {
        RestClient browser = officer.pages(TestAccounts.ensure(jdbc, "t-leader", "LEADER", null, null, null));
        assertThat(answer(browser, "/v3/api-docs").status()).isEqualTo(200);
        assertThat(answer(browser, "/api/villages").status()).isEqualTo(401);
        assertThat(answer(officer.as("t-leader").http(), "/api/villages").status()).isEqualTo(200);
    }

    @Test
    void swaggerUiAnswersASignedInBrowserAndSendsAnAnonymousOneToTheLoginPage() {
        RestClient browser = officer.pages(TestAccounts.ensure(jdbc, "t-policy", "POLICY", null, null, null));
        Answer welcome = answer(browser, "/swagger-ui.html");
        assertThat(welcome.status()).isEqualTo(302);
        assertThat(welcome.location()).endsWith("/swagger-ui/index.html");
        Answer ui = answer(browser, "/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(answer(browser, "/v3/api-docs/swagger-config").status()).isEqualTo(200);
        RestClient anonymous = anonymousBrowser();
        for (String page : List.of("/swagger-ui.html", "/swagger-ui/index.html")) {
            Answer sent = answer(anonymous, page);
            assertThat(sent.status()).as(page).isEqualTo(302);
            assertThat(sent.location()).as(page).endsWith("/login");
        }
    }

    @Test
    void aBrowserSentToTheLoginPageComesBackToSwaggerUiAfterSigningIn() {
        String user = TestAccounts.ensure(jdbc, "t-admin", "ADMIN", null, null, null);
        RestClient browser = anonymousBrowser();
        String cookie = browser.get().uri("/swagger-ui.html").exchange((rq, rs) -> session(rs.getHeaders()));
        assertThat(cookie).startsWith("JSESSIONID=");
        String login = browser.get().uri("/login").header("Cookie", cookie).retrieve().body(String.class);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login == null ? "" : login);
        assertThat(csrf.find()).isTrue();
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", TestAccounts.PASSWORD);
        form.add("_csrf", csrf.group(1));
        String target = browser.post().uri("/login").header("Cookie", cookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .exchange((rq, rs) -> String.valueOf(rs.getHeaders().getLocation()));
        assertThat(target).contains("/swagger-ui.html");
    }

    @Test
    void everyEndpointMappedUnderApiIsInTheSpecWithItsMethod() {
        Set<String> mapped = new TreeSet<>();
        for (String endpoint : MappedEndpoints.of(mappings)) {
            if (endpoint.contains(" /api/")) {
                // a pattern's regular expression ({fileName:.+}) is not part of the documented path
                mapped.add(endpoint.replaceAll(":[^}]*}", "}"));
            }
        }
        Set<String> documented = new TreeSet<>();
        operations().forEach(op -> documented.add(op.method().toUpperCase(Locale.ROOT) + " " + op.path()));
        assertThat(mapped).isNotEmpty();
        assertThat(documented).as("endpoints missing from the OpenAPI document").containsAll(mapped);
    }

    @Test
    void everyOperationHasAChineseSummaryAndAFeatureTag() {
        Set<String> tags = new TreeSet<>();
        spec.path("tags").forEach(t -> tags.add(t.path("name").asString()));
        assertThat(tags).containsExactlyInAnyOrder("户籍", "部门信号", "评估", "监测任务", "政策", "程序", "报表", "管理");
        List<String> wrong = new ArrayList<>();
        for (Op op : operations()) {
            if (!CHINESE.matcher(op.node().path("summary").asString()).find()) {
                wrong.add(op + " has no Chinese summary");
            }
            if (op.node().path("tags").size() != 1 || !tags.contains(op.node().path("tags").get(0).asString())) {
                wrong.add(op + " has tags " + op.node().path("tags"));
            }
        }
        assertThat(operations()).isNotEmpty();
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyWriteWithAJsonBodyHasAnExample() {
        List<String> withBody = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Op op : operations()) {
            JsonNode content = op.node().path("requestBody").path("content");
            if (!WRITES.contains(op.method()) || content.isMissingNode()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> media : content.properties()) {
                if (media.getKey().contains("json")) {
                    withBody.add(op.toString());
                    if (media.getValue().path("examples").isEmpty()) {
                        missing.add(op + " " + media.getKey());
                    }
                }
            }
        }
        assertThat(withBody).hasSizeGreaterThan(25);
        assertThat(missing).as("JSON writes without an example body").isEmpty();
    }

    @Test
    void theSignInMethodsAndProblemAnswersAreDeclared() {
        JsonNode schemes = spec.path("components").path("securitySchemes");
        assertThat(schemes.path("basicAuth").path("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.path("apiKey").path("name").asString()).isEqualTo("X-Api-Key");
        assertThat(schemes.path("bearerApiKey").path("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.path("sessionCookie").path("in").asString()).isEqualTo("cookie");
        assertThat(spec.path("security").toString()).contains("basicAuth", "apiKey", "bearerApiKey");
        JsonNode problem = spec.path("components").path("schemas").path("Problem").path("properties");
        assertThat(problem.has("type") && problem.has("title") && problem.has("status") && problem.has("detail")
                && problem.has("errors") && problem.has("incident")).isTrue();
        List<String> wrong = new ArrayList<>();
        for (Op op : operations()) {
            JsonNode responses = op.node().path("responses");
            for (String status : List.of("401", "403", "500")) {
                if (!responses.has(status)) {
                    wrong.add(op + " lacks " + status);
                }
            }
            if (op.path().contains("{") && !responses.has("404")) {
                wrong.add(op + " lacks 404");
            }
        }
        assertThat(spec.path("components").path("responses").path("Problem400").path("content")
                .has("application/problem+json")).isTrue();
        assertThat(wrong).isEmpty();
    }

    @Test
    void downloadsAreExcelFilesAndCreationsAnswer201Or202() {
        JsonNode template = spec.path("paths").path("/api/imports/households/template.xlsx").path("get")
                .path("responses").path("200").path("content");
        assertThat(template.has("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).isTrue();
        JsonNode households = spec.path("paths").path("/api/households").path("post").path("responses");
        assertThat(households.path("201").path("content").path("application/json").path("schema").path("$ref")
                .asString()).endsWith("/HouseholdView");
        assertThat(households.has("200")).isFalse();
        assertThat(spec.path("paths").path("/api/assessment-runs").path("post").path("responses").has("202"))
                .isTrue();
        assertThat(spec.path("paths").path("/api/signals").path("post").path("responses").has("200")).isTrue();
    }

    private List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                ops.add(new Op(op.getKey(), path.getKey(), op.getValue()));
            }
        }));
        return ops;
    }

    /** A browser that is not signed in and does not follow redirects. */
    private RestClient anonymousBrowser() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(
                        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build())).build();
    }

    private static String session(HttpHeaders headers) {
        return headers.getOrEmpty("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse("");
    }

    private static Answer answer(RestClient http, String uri) {
        return http.get().uri(uri).exchange((rq, rs) -> new Answer(rs.getStatusCode().value(),
                String.valueOf(rs.getHeaders().getContentType()), String.valueOf(rs.getHeaders().getLocation()),
                new String(rs.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private record Answer(int status, String contentType, String location, String body) {
    }

    private record Op(String method, String path, JsonNode node) {
        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }
}
