package cn.shoudi.monitoring;

import cn.shoudi.ApiClient;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A cadre works a task through the API; overdue tasks escalate once, even with two escalators racing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.monitoring.escalation-initial-delay=PT1H"})
class TaskWorkflowIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskEscalation escalation;

    ApiClient api;
    TestTownship town;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port, jdbc);
        town = new TestTownship(api);
    }

    private long openTaskOfNewHousehold() {
        long household = TestTownship.id(api.post("/api/households", town.household("W" + System.nanoTime(), 11000)));
        api.awaitOutboxDrained();
        List<Map<String, Object>> tasks = api.getList("/api/households/" + household + "/tasks");
        assertThat(tasks).hasSize(1);
        return TestTownship.id(tasks.get(0));
    }

    /** Posts a task action signed in as the cadre the body names (a cadre acts only as themself). */
    private Map<String, Object> post(String path, Map<String, Object> body) {
        ApiClient actor = body.get("cadreId") instanceof Number n ? api.asCadre(n.longValue()) : api;
        return actor.http().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange((req, res) ->
                Map.of("status", res.getStatusCode().value(),
                        "body", new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    @Test
    void aCadreAcknowledgesVisitsAndResolvesATaskAndCannotActOnItAfterwards() {
        long task = openTaskOfNewHousehold();
        Map<String, Object> detail = api.get("/api/tasks/" + task);
        assertThat((Map<String, Object>) detail.get("household")).containsEntry("memberCount", 2);
        assertThat((Map<String, Object>) detail.get("evidence")).containsEntry("code", "M-1").containsEntry("row", 10);
        assertThat((Map<String, Object>) detail.get("current")).containsKey("findings");

        assertThat(post("/api/tasks/" + task + "/acknowledge", Map.of("cadreId", town.helperId)))
                .containsEntry("status", 200);
        Map<String, Object> badVisit = post("/api/tasks/" + task + "/visits", Map.of("cadreId", town.helperId,
                "visitDate", "2021-12-30", "findings", "户主住院", "measures", List.of("医疗救助", "发红包")));
        assertThat(badVisit).containsEntry("status", 400);
        assertThat((String) badVisit.get("body")).contains("未知的帮扶措施“发红包”");
        assertThat(post("/api/tasks/" + task + "/visits", Map.of("cadreId", town.helperId, "visitDate", "2021-12-30",
                "findings", "户主住院，家庭收入下降", "measures", List.of("医疗救助", "公益性岗位"))))
                .containsEntry("status", 200);
        Map<String, Object> resolved = post("/api/tasks/" + task + "/resolve", Map.of("cadreId", town.helperId,
                "outcome", "纳入监测", "note", "经评议纳入脱贫不稳定户"));
        assertThat(resolved).containsEntry("status", 200);

        Map<String, Object> after = api.get("/api/tasks/" + task);
        Map<String, Object> view = (Map<String, Object>) after.get("task");
        assertThat(view).containsEntry("status", "RESOLVED").containsEntry("resolution", "纳入监测");
        assertThat((List<Map<String, Object>>) view.get("visits")).singleElement().satisfies(v ->
                assertThat((List<String>) v.get("measures")).containsExactly("医疗救助", "公益性岗位"));
        assertThat((List<Map<String, Object>>) view.get("history")).extracting(e -> e.get("action"))
                .containsExactly("OPENED", "ACKNOWLEDGED", "VISITED", "RESOLVED");

        Map<String, Object> illegal = post("/api/tasks/" + task + "/acknowledge", Map.of("cadreId", town.helperId));
        assertThat(illegal).containsEntry("status", 409);
        assertThat((String) illegal.get("body")).contains("「已办结」").contains("「已接收」");
        assertThat(api.getList("/api/cadres/" + town.helperId + "/tasks")).noneMatch(t ->
                ((Number) t.get("id")).longValue() == task);

        String metrics = api.asRole("ADMIN", "admin").http().get().uri("/actuator/prometheus").header("Accept", "text/plain")
                .retrieve().body(String.class);
        assertThat(metrics).contains("shoudi_evaluations_seconds_count", "shoudi_findings_total{code=\"M-1\"}",
                "shoudi_tasks_opened_total{code=\"MON-VERIFY\"}", "shoudi_tasks_closed_total{how=\"RESOLVED\"}",
                "shoudi_outbox_backlog");
    }

    @Test
    void anOverdueTaskEscalatesOneLevelExactlyOnceWhenTwoEscalatorsRace() throws Exception {
        long task = openTaskOfNewHousehold();
        jdbc.sql("UPDATE monitoring_task SET due_date = ? WHERE id = ?")
                .params(LocalDate.now(ZoneOffset.UTC).minusDays(1), task).update();

        var pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        Callable<Integer> run = escalation::escalateOverdue;
        runs.add(pool.submit(run));
        runs.add(pool.submit(run));
        for (Future<Integer> f : runs) {
            f.get();
        }
        pool.shutdown();

        Map<String, Object> view = (Map<String, Object>) api.get("/api/tasks/" + task).get("task");
        assertThat(view).containsEntry("status", "ESCALATED").containsEntry("escalationCount", 1)
                .containsEntry("assigneeLevel", "驻组干部").containsEntry("assigneeCadreId", (int) town.groupCadreId)
                .containsEntry("overdue", false);
        assertThat((List<Map<String, Object>>) view.get("history")).filteredOn(e -> "ESCALATED".equals(e.get("action")))
                .hasSize(1);
        assertThat(api.getList("/api/cadres/" + town.groupCadreId + "/tasks?due=week"))
                .anyMatch(t -> ((Number) t.get("id")).longValue() == task);

        // overdue again: the next level up is the village committee
        jdbc.sql("UPDATE monitoring_task SET due_date = ? WHERE id = ?")
                .params(LocalDate.now(ZoneOffset.UTC).minusDays(1), task).update();
        escalation.escalateOverdue();
        view = (Map<String, Object>) api.get("/api/tasks/" + task).get("task");
        assertThat(view).containsEntry("escalationCount", 2).containsEntry("assigneeLevel", "村两委")
                .containsEntry("assigneeCadreId", (int) town.committeeId);
    }

    private Map<String, Object> change(long household, int netIncome) {
        Map<String, Object> current = api.get("/api/households/" + household);
        Map<String, Object> body = town.household((String) current.get("householdNo"), netIncome);
        body.put("version", current.get("version"));
        Map<String, Object> saved = api.put("/api/households/" + household, body);
        api.awaitOutboxDrained();
        return saved;
    }

    @Test
    void aResolvedTaskIsNotRaisedAgainWhileItsConditionPersistsButIsWhenTheConditionReturns() {
        long task = openTaskOfNewHousehold();
        long household = ((Number) ((Map<String, Object>) api.get("/api/tasks/" + task).get("task"))
                .get("householdId")).longValue();
        post("/api/tasks/" + task + "/visits", Map.of("cadreId", town.helperId, "visitDate", "2021-12-30",
                "findings", "核实收入偏低", "measures", List.of("就业")));
        post("/api/tasks/" + task + "/resolve", Map.of("cadreId", town.helperId, "outcome", "纳入监测"));

        change(household, 10000); // still under the line: same condition, a new assessment
        assertThat(api.getList("/api/households/" + household + "/assessments")).hasSize(2);
        assertThat(api.getList("/api/households/" + household + "/tasks")).hasSize(1);

        change(household, 30000); // condition gone
        change(household, 9000);  // and back: a new streak raises a new task
        List<Map<String, Object>> tasks = api.getList("/api/households/" + household + "/tasks");
        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(1)).containsEntry("status", "OPEN").containsEntry("findingCode", "M-1");
    }

    @Test
    void openTasksFollowTheHouseholdToItsNewHelperAndTheHandoverIsRecorded() {
        long task = openTaskOfNewHousehold();
        long household = ((Number) ((Map<String, Object>) api.get("/api/tasks/" + task).get("task"))
                .get("householdId")).longValue();
        long newHelper = TestTownship.id(api.post("/api/cadres", Map.of("name", "新帮扶干部", "role", "HELPER",
                "villageId", town.villageId)));
        api.put("/api/households/" + household + "/helper", Map.of("cadreId", newHelper));
        api.awaitOutboxDrained();

        Map<String, Object> view = (Map<String, Object>) api.get("/api/tasks/" + task).get("task");
        assertThat(view).containsEntry("assigneeCadreId", (int) newHelper).containsEntry("assigneeLevel", "帮扶责任人");
        assertThat((List<Map<String, Object>>) view.get("history")).anySatisfy(e ->
                assertThat(e).containsEntry("action", "REASSIGNED"));
        assertThat(api.getList("/api/cadres/" + newHelper + "/tasks")).extracting(t -> ((Number) t.get("id")).longValue())
                .contains(task);
        assertThat(api.getList("/api/cadres/" + town.helperId + "/tasks")).extracting(t -> ((Number) t.get("id"))
                .longValue()).doesNotContain(task);
        Map<String, Object> household1 = api.get("/api/households/" + household);
        assertThat((List<Map<String, Object>>) household1.get("helperHistory")).hasSize(2);
    }

    @Test
    void aDataProblemOpensACorrectionTaskForTheInformationOfficerThatClosesItselfWhenFixed() {
        long officer = TestTownship.id(api.post("/api/cadres", Map.of("name", "扶贫信息员", "role", "INFO_OFFICER",
                "villageId", town.villageId)));
        Map<String, Object> noHelper = town.household("D" + System.nanoTime(), 30000);
        noHelper.remove("helperCadreId");
        long household = TestTownship.id(api.post("/api/households", noHelper));
        api.awaitOutboxDrained();
        Map<String, Object> task = api.getList("/api/households/" + household + "/tasks").stream()
                .filter(t -> "DQ-HELP".equals(t.get("taskCode"))).findFirst().orElseThrow();
        assertThat(task).containsEntry("taskType", "数据更正").containsEntry("assigneeCadreId", (int) officer)
                .containsEntry("assigneeLevel", "扶贫信息员").containsEntry("autoClose", true)
                .containsEntry("status", "OPEN");

        api.put("/api/households/" + household + "/helper", Map.of("cadreId", town.helperId));
        api.awaitOutboxDrained();

        Map<String, Object> closed = (Map<String, Object>) api.get("/api/tasks/" + task.get("id")).get("task");
        assertThat(closed).containsEntry("status", "CLOSED").containsEntry("assigneeCadreId", (int) officer);
        assertThat((String) closed.get("resolutionNote")).contains("数据已更正").contains("DQ-HELP");
        assertThat((List<Map<String, Object>>) closed.get("history")).extracting(e -> e.get("action"))
                .containsExactly("OPENED", "AUTO_CLOSED");
    }

    @Test
    void anInactiveHelperBreaksTheChainAndShowsInTheCoverageReport() {
        long household = TestTownship.id(api.post("/api/households", town.household("C" + System.nanoTime(), 30000)));
        api.put("/api/cadres/" + town.helperId + "/active", Map.of("active", false));
        List<Map<String, Object>> gaps = api.getList("/api/reports/helper-coverage?villageId=" + town.villageId);
        assertThat(gaps).anySatisfy(g -> assertThat(g).containsEntry("householdId", (int) household)
                .containsEntry("problem", "帮扶责任人已调离或停用").containsEntry("fallbackLevel", "驻组干部")
                .containsEntry("fallbackCadreId", (int) town.groupCadreId));
    }
}
