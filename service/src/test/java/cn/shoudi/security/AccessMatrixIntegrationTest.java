package cn.shoudi.security;

import cn.shoudi.ApiClient;
import cn.shoudi.MappedEndpoints;
import cn.shoudi.TestAccounts;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every role, against the running application over HTTP: a role the table allows is not refused
 * (its answer is not 401/403), any other role gets 403, and a caller who is not signed in gets 401 (API) or is sent to
 * the login page (pages). The table below is the specification; an endpoint the application has but the table lacks
 * fails {@link #everyEndpointHasAnEntry}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIntegrationTest {

    static final RestClient.RequestHeadersSpec.ExchangeFunction<Integer> STATUS =
            (rq, rs) -> rs.getStatusCode().value();

    static final String STAFF = "LEADER CADRE INFO_OFFICER";
    static final String ALL_BUT_DEPARTMENT = "LEADER CADRE INFO_OFFICER POLICY ADMIN";
    static final String ANY = "POLICY LEADER CADRE INFO_OFFICER DEPARTMENT METRICS ADMIN";
    static final List<String> ROLES = List.of("POLICY", "LEADER", "CADRE", "INFO_OFFICER", "DEPARTMENT", "METRICS",
            "ADMIN");

    /**
     * Endpoint (method and pattern as mapped), the concrete request ({H} household, {T} task, {C} cadre, {V} village;
     * a body of {} for JSON, "multipart" for an upload), and the roles allowed. Ids 999999 do not exist: allowed roles
     * get past the access rules and then 404, so nothing is changed.
     */
    static final String[][] MATRIX = {
            {"GET /api/households", "/api/households?villageId={V}", STAFF},
            {"POST /api/households", "/api/households {}", "INFO_OFFICER"},
            {"GET /api/households/{id}", "/api/households/{H}", STAFF},
            {"PUT /api/households/{id}", "/api/households/{H} {}", "INFO_OFFICER"},
            {"POST /api/households/{id}/member-events", "/api/households/{H}/member-events {}", "INFO_OFFICER"},
            {"POST /api/households/{id}/split", "/api/households/{H}/split {}", "INFO_OFFICER"},
            {"POST /api/households/{id}/merge", "/api/households/{H}/merge {}", "INFO_OFFICER"},
            {"PUT /api/households/{id}/helper", "/api/households/{H}/helper {}", "INFO_OFFICER"},
            {"GET /api/households/{id}/members/{index}/id-number", "/api/households/{H}/members/0/id-number",
                    "CADRE INFO_OFFICER"},
            {"GET /api/households/{id}/assessments", "/api/households/{H}/assessments", STAFF},
            {"GET /api/facts", "/api/facts", ALL_BUT_DEPARTMENT},
            {"GET /api/households/{id}/missing-facts", "/api/households/{H}/missing-facts", STAFF},
            {"GET /api/policy/rules", "/api/policy/rules", "POLICY LEADER"},
            {"GET /api/households/{id}/evaluation", "/api/households/{H}/evaluation", STAFF},
            {"PATCH /api/households/{id}/facts", "/api/households/{H}/facts {}", "CADRE INFO_OFFICER"},
            {"GET /api/households/{id}/fact-history", "/api/households/{H}/fact-history", STAFF},
            {"GET /api/households/{id}/status", "/api/households/{H}/status", STAFF},
            {"POST /api/households/{id}/status/corrections", "/api/households/{H}/status/corrections {}", "ADMIN"},
            {"GET /api/households/{id}/visits", "/api/households/{H}/visits", STAFF},
            {"POST /api/households/{id}/visits", "/api/households/{H}/visits {}", "CADRE INFO_OFFICER"},
            {"GET /api/households/{id}/procedures", "/api/households/{H}/procedures", STAFF},
            {"POST /api/households/{id}/procedures", "/api/households/{H}/procedures {}", STAFF},
            {"GET /api/procedures/{procedureId}", "/api/procedures/999999", STAFF},
            {"POST /api/procedures/{procedureId}/steps", "/api/procedures/999999/steps {}", STAFF},
            {"POST /api/procedures/{procedureId}/withdraw", "/api/procedures/999999/withdraw {}", "LEADER INFO_OFFICER"},
            {"GET /api/procedures/pipeline", "/api/procedures/pipeline", "LEADER INFO_OFFICER"},
            {"GET /api/procedures", "/api/procedures", "LEADER INFO_OFFICER"},
            {"GET /api/households/{householdId}/tasks", "/api/households/{H}/tasks", STAFF},
            {"GET /api/villages", "/api/villages", ALL_BUT_DEPARTMENT},
            {"POST /api/villages", "/api/villages {}", "INFO_OFFICER"},
            {"POST /api/villages/{villageId}/groups", "/api/villages/999999/groups {}", "INFO_OFFICER"},
            {"GET /api/cadres", "/api/cadres", ALL_BUT_DEPARTMENT},
            {"POST /api/cadres", "/api/cadres {}", "INFO_OFFICER"},
            {"PUT /api/cadres/{cadreId}/active", "/api/cadres/999999/active {}", "INFO_OFFICER"},
            {"GET /api/reports/helper-coverage", "/api/reports/helper-coverage?villageId={V}", "LEADER INFO_OFFICER"},
            {"GET /api/cadres/{cadreId}/tasks", "/api/cadres/{C}/tasks", STAFF},
            {"GET /api/tasks/{taskId}", "/api/tasks/{T}", STAFF},
            {"POST /api/tasks/{taskId}/acknowledge", "/api/tasks/999999/acknowledge {}", "CADRE INFO_OFFICER"},
            {"POST /api/tasks/{taskId}/visits", "/api/tasks/999999/visits {}", "CADRE INFO_OFFICER"},
            {"POST /api/tasks/{taskId}/resolve", "/api/tasks/999999/resolve {}", "CADRE INFO_OFFICER"},
            {"POST /api/tasks/{taskId}/close", "/api/tasks/999999/close {}", "CADRE INFO_OFFICER"},
            {"GET /api/assessment-runs", "/api/assessment-runs", "POLICY LEADER"},
            {"GET /api/assessment-runs/{id}", "/api/assessment-runs/999999", "POLICY LEADER"},
            {"POST /api/assessment-runs", "/api/assessment-runs {}", "POLICY"},
            {"GET /api/policy/versions", "/api/policy/versions", "POLICY LEADER"},
            {"GET /api/policy/versions/{id}", "/api/policy/versions/999999", "POLICY LEADER"},
            {"POST /api/policy/versions", "/api/policy/versions multipart", "POLICY"},
            {"POST /api/policy/tables", "/api/policy/tables multipart", "POLICY"},
            {"POST /api/policy/versions/{id}/simulate", "/api/policy/versions/999999/simulate", "POLICY"},
            {"POST /api/policy/versions/{id}/simulations", "/api/policy/versions/999999/simulations", "POLICY"},
            {"GET /api/policy/simulations/{runId}", "/api/policy/simulations/none", "POLICY LEADER"},
            {"GET /api/policy/versions/{id}/simulation.xlsx", "/api/policy/versions/999999/simulation.xlsx",
                    "POLICY LEADER"},
            {"POST /api/policy/versions/{id}/approve", "/api/policy/versions/999999/approve", "POLICY"},
            {"POST /api/policy/versions/{id}/publish", "/api/policy/versions/999999/publish", "POLICY"},
            {"POST /api/policy/versions/{id}/schedule", "/api/policy/versions/999999/schedule?date=2030-01-01",
                    "POLICY"},
            {"POST /api/policy/versions/{id}/rollback", "/api/policy/versions/999999/rollback", "POLICY"},
            {"GET /api/policy/versions/{id}/files/{fileName:.+}", "/api/policy/versions/999999/files/exit.xlsx",
                    "POLICY LEADER"},
            {"GET /api/policy/published/files/{fileName:.+}", "/api/policy/published/files/exit.xlsx",
                    "POLICY LEADER"},
            {"GET /api/policy/diff", "/api/policy/diff?from=999998&to=999999", "POLICY LEADER"},
            {"GET /api/policy/audit", "/api/policy/audit", "POLICY LEADER"},
            {"POST /api/signals", "/api/signals {\"source\":\"医保\"}", "DEPARTMENT"},
            {"POST /api/signals/batches", "/api/signals/batches {}", "DEPARTMENT"},
            {"GET /api/signals/batches/{id}", "/api/signals/batches/999999", "DEPARTMENT INFO_OFFICER"},
            {"GET /api/signals/review", "/api/signals/review", "INFO_OFFICER"},
            {"POST /api/signals/{id}/match", "/api/signals/999999/match {\"householdId\":{H}}", "INFO_OFFICER"},
            {"POST /api/imports/households", "/api/imports/households multipart", "INFO_OFFICER"},
            {"POST /api/imports/households/async", "/api/imports/households/async multipart", "INFO_OFFICER"},
            {"GET /api/imports/{id}", "/api/imports/none", "INFO_OFFICER"},
            {"GET /api/imports/households/template.xlsx", "/api/imports/households/template.xlsx", "INFO_OFFICER"},
            {"GET /api/imports/households/export.xlsx", "/api/imports/households/export.xlsx?villageId={V}",
                    "INFO_OFFICER"},
            {"GET /api/reports/township", "/api/reports/township", STAFF},
            {"GET /api/reports/township/xlsx", "/api/reports/township/xlsx", STAFF},
            {"GET /api/reports/township/facts", "/api/reports/township/facts?year=2019", STAFF},
            {"PUT /api/reports/township/facts", "/api/reports/township/facts?year=2019 {}", "INFO_OFFICER"},
            {"GET /api/reports/township/ledgers", "/api/reports/township/ledgers", "LEADER INFO_OFFICER"},
            {"GET /api/reports/township/ledgers/{code}", "/api/reports/township/ledgers/households",
                    "LEADER INFO_OFFICER"},
            {"GET /api/reports/township/ledgers/{code}/xlsx", "/api/reports/township/ledgers/households/xlsx",
                    "LEADER INFO_OFFICER"},
            {"GET /api/admin/users", "/api/admin/users", "ADMIN"},
            {"POST /api/admin/users", "/api/admin/users {}", "ADMIN"},
            {"PUT /api/admin/users/{id}", "/api/admin/users/999999 {}", "ADMIN"},
            {"GET /api/admin/users/{id}/api-keys", "/api/admin/users/999999/api-keys", "ADMIN"},
            {"POST /api/admin/users/{id}/api-keys", "/api/admin/users/999999/api-keys {}", "ADMIN"},
            {"POST /api/admin/api-keys/{keyId}/rotate", "/api/admin/api-keys/999999/rotate {}", "ADMIN"},
            {"DELETE /api/admin/api-keys/{keyId}", "/api/admin/api-keys/999999", "ADMIN"},
            {"GET /api/admin/audit", "/api/admin/audit", "ADMIN"},
            {"GET /api/admin/audit/verification", "/api/admin/audit/verification", "ADMIN"},
            {"GET /api/notifications", "/api/notifications", "LEADER ADMIN"},
            // the API contract: any signed-in account, called like the API (401 without credentials)
            {"GET /v3/api-docs", "/v3/api-docs", ANY},
            {"GET /v3/api-docs.yaml", "/v3/api-docs.yaml", ANY},
            {"GET /v3/api-docs/swagger-config", "/v3/api-docs/swagger-config", ANY},
            {"GET /swagger-ui.html", "/swagger-ui.html", ANY},
            // pages
            {"GET /login", "/login", "ANONYMOUS " + ANY},
            {"GET /", "/", ANY},
            {"GET /reports/township", "/reports/township", STAFF},
            {"GET /reports/township/ledgers/{code}", "/reports/township/ledgers/households", "LEADER INFO_OFFICER"},
            {"GET /tasks", "/tasks", "CADRE INFO_OFFICER"},
            {"GET /tasks/{id}", "/tasks/{T}", "CADRE INFO_OFFICER"},
            {"POST /tasks/{id}/acknowledge", "/tasks/999999/acknowledge", "CADRE INFO_OFFICER"},
            {"POST /tasks/{id}/visit", "/tasks/999999/visit", "CADRE INFO_OFFICER"},
            {"POST /tasks/{id}/resolve", "/tasks/999999/resolve", "CADRE INFO_OFFICER"},
            {"POST /tasks/{id}/close", "/tasks/999999/close", "CADRE INFO_OFFICER"},
            {"GET /households", "/households?villageId={V}", STAFF},
            {"GET /households/{id}", "/households/{H}", STAFF},
            {"POST /households/{id}/income", "/households/{H}/income", "INFO_OFFICER"},
            {"POST /households/{id}/member-events", "/households/{H}/member-events", "INFO_OFFICER"},
            {"POST /households/{id}/members/{index}", "/households/{H}/members/0", "INFO_OFFICER"},
            {"GET /imports", "/imports", "INFO_OFFICER"},
            {"POST /imports", "/imports", "INFO_OFFICER"},
            {"GET /signals/review", "/signals/review", "INFO_OFFICER"},
            {"POST /signals/{id}/match", "/signals/999999/match", "INFO_OFFICER"},
            {"GET /policy", "/policy", "POLICY LEADER"},
            {"GET /policy/rules", "/policy/rules", "POLICY LEADER"},
            {"GET /households/{id}/survey", "/households/{H}/survey", STAFF},
            {"POST /households/{id}/survey", "/households/{H}/survey", "CADRE INFO_OFFICER"},
            {"POST /households/{id}/survey/members", "/households/{H}/survey/members", "CADRE INFO_OFFICER"},
            {"POST /policy/upload", "/policy/upload", "POLICY"},
            {"GET /policy/versions/{id}", "/policy/versions/999999", "POLICY LEADER"},
            {"POST /policy/versions/{id}/simulate", "/policy/versions/999999/simulate", "POLICY"},
            {"POST /policy/versions/{id}/approve", "/policy/versions/999999/approve", "POLICY"},
            {"POST /policy/versions/{id}/publish", "/policy/versions/999999/publish", "POLICY"},
            {"POST /policy/versions/{id}/rollback", "/policy/versions/999999/rollback", "POLICY"},
            {"GET /policy/diff", "/policy/diff?from=999998&to=999999", "POLICY LEADER"},
            {"GET /policy/audit", "/policy/audit", "POLICY LEADER"},
            {"GET /policy/versions/{id}/files/{fileName:.+}", "/policy/versions/999999/files/exit.xlsx",
                    "POLICY LEADER"},
            {"GET /dashboard", "/dashboard", "LEADER"},
            {"POST /households/{id}/procedures", "/households/{H}/procedures", STAFF},
            {"POST /households/{id}/procedures/{procedureId}/steps", "/households/{H}/procedures/999999/steps",
                    STAFF},
            {"POST /households/{id}/visits", "/households/{H}/visits", "CADRE INFO_OFFICER"},
            {"GET /procedures", "/procedures", "LEADER INFO_OFFICER"},
            {"GET /procedures/list", "/procedures/list", "LEADER INFO_OFFICER"},
            {"GET /admin", "/admin", "ADMIN"},
            {"POST /admin/accounts", "/admin/accounts", "ADMIN"},
            {"GET /admin/accounts/{id}", "/admin/accounts/999999", "ADMIN"},
            {"POST /admin/accounts/{id}", "/admin/accounts/999999", "ADMIN"},
            {"POST /admin/accounts/{id}/api-keys", "/admin/accounts/999999/api-keys", "ADMIN"},
            {"POST /admin/api-keys/{keyId}/rotate", "/admin/api-keys/999999/rotate", "ADMIN"},
            {"POST /admin/api-keys/{keyId}/revoke", "/admin/api-keys/999999/revoke", "ADMIN"},
            {"GET /admin/audit", "/admin/audit", "ADMIN"},
    };

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ApiClient officer;
    Map<String, String> ids = new LinkedHashMap<>();
    Map<String, ApiClient> api = new LinkedHashMap<>();
    Map<String, RestClient> pages = new LinkedHashMap<>();

    @BeforeAll
    void accountsAndData() {
        officer = new ApiClient(port, jdbc);
        TestTownship town = new TestTownship(officer);
        long household = TestTownship.id(officer.post("/api/households", town.household("AM" + System.nanoTime(),
                9000)));
        officer.awaitOutboxDrained();
        long task = ((Number) officer.getList("/api/households/" + household + "/tasks").get(0).get("id"))
                .longValue();
        ids.put("{H}", String.valueOf(household));
        ids.put("{T}", String.valueOf(task));
        ids.put("{C}", String.valueOf(town.helperId));
        ids.put("{V}", String.valueOf(town.villageId));
        api.put("POLICY", officer.asRole("POLICY", "policy"));
        api.put("LEADER", officer.asRole("LEADER", "leader"));
        api.put("CADRE", officer.asCadre(town.helperId));
        api.put("INFO_OFFICER", officer);
        api.put("DEPARTMENT", officer.asDepartment("医保"));
        api.put("METRICS", officer.asRole("METRICS", "metrics"));
        api.put("ADMIN", officer.asRole("ADMIN", "admin"));
        pages.put("POLICY", officer.pages("t-policy"));
        pages.put("LEADER", officer.pages("t-leader"));
        pages.put("CADRE", officer.pages(TestAccounts.cadre(jdbc, town.helperId)));
        pages.put("INFO_OFFICER", officer.pages("t-officer"));
        pages.put("ADMIN", officer.pages("t-admin"));
        pages.put("METRICS", officer.pages("t-metrics"));
    }

    @Test
    void everyEndpointHasAnEntry() {
        Set<String> mapped = MappedEndpoints.of(mappings);
        Set<String> specified = new TreeSet<>();
        for (String[] row : MATRIX) {
            specified.add(row[0]);
        }
        assertThat(mapped).as("endpoints without an entry in the access matrix")
                .isSubsetOf(specified);
        assertThat(specified).as("entries for endpoints that no longer exist").isSubsetOf(mapped);
    }

    @Test
    void everyRoleIsAllowedOrRefusedAsSpecified() {
        List<String> wrong = new ArrayList<>();
        for (String[] row : MATRIX) {
            boolean page = !row[0].contains(" /api/") && !row[0].contains(" /v3/");
            Set<String> allowed = Set.of(row[2].split(" "));
            for (String role : ROLES) {
                if (page && role.equals("DEPARTMENT")) {
                    continue;
                }
                int status = page ? page(pages.get(role), row) : call(api.get(role).http(), row);
                boolean refused = status == 401 || status == 403;
                if (allowed.contains(role) == refused || !allowed.contains(role) && status != 403) {
                    wrong.add(role + " " + row[0] + " → " + status);
                }
            }
            int anonymous = page ? page(officer.anonymous().http(), row) : call(officer.anonymous().http(), row);
            // a page form posted without a session has no CSRF token either: 403 before sign-in is asked for
            int refusal = !page ? 401 : row[0].startsWith("POST ") ? 403 : 302;
            if (allowed.contains("ANONYMOUS") ? anonymous >= 300 : anonymous != refusal) {
                wrong.add("ANONYMOUS " + row[0] + " → " + anonymous);
            }
        }
        assertThat(wrong).as("answers that differ from the matrix").isEmpty();
    }

    @Test
    void aDepartmentClientCannotPostAnotherDepartmentsSignals() {
        RestClient yibao = api.get("DEPARTMENT").http();
        Map<String, Object> other = Map.of("source", "残联", "eventId", "CL-" + System.nanoTime(), "kind", "新增残疾",
                "date", "2021-12-01", "idNumber", "500243196504120011");
        assertThat(yibao.post().uri("/api/signals").contentType(MediaType.APPLICATION_JSON).body(other)
                .exchange(STATUS)).isEqualTo(403);
        RestClient badKey = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("X-Api-Key", "sd_not-a-key").build();
        assertThat(badKey.post().uri("/api/signals").contentType(MediaType.APPLICATION_JSON).body(other)
                .exchange(STATUS)).isEqualTo(401);
    }

    private int call(RestClient http, String[] row) {
        String[] request = row[1].split(" ", 2);
        String path = fill(request[0]);
        HttpMethod method = HttpMethod.valueOf(row[0].substring(0, row[0].indexOf(' ')));
        RestClient.RequestBodySpec spec = http.method(method).uri(path);
        if (request.length > 1 && request[1].equals("multipart")) {
            LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            ByteArrayResource file = new ByteArrayResource("not a workbook".getBytes()) {
                @Override
                public String getFilename() {
                    return "x.xlsx";
                }
            };
            form.add(path.contains("/policy/versions") ? "files" : "file", file);
            spec.contentType(MediaType.MULTIPART_FORM_DATA).body(form);
        } else if (request.length > 1) {
            spec.contentType(MediaType.APPLICATION_JSON).body(fill(request[1]));
        }
        return spec.exchange(STATUS);
    }

    private int page(RestClient browser, String[] row) {
        if (row[0].startsWith("POST ")) {
            String login = browser.get().uri("/login").retrieve().body(String.class);
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                    .matcher(login == null ? "" : login);
            LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            if (m.find()) {
                form.add("_csrf", m.group(1));
            }
            return browser.post().uri(fill(row[1])).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .exchange(STATUS);
        }
        return browser.get().uri(fill(row[1])).exchange(STATUS);
    }

    private String fill(String s) {
        for (Map.Entry<String, String> e : ids.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }
}
