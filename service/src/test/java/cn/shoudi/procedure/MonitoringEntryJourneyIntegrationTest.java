package cn.shoudi.procedure;

import cn.shoudi.ApiClient;
import cn.shoudi.ProcedureClient;
import cn.shoudi.ProcedureClient.Answer;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.shoudi.ProcedureClient.call;
import static cn.shoudi.ProcedureClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 纳入监测 end to end through REST: from a finding (task → visit → resolved 纳入监测 → 村级评议 → 公示 → 乡镇审核 → 县级审定),
 * from the household's own application with an objection to its notice, and through the 绿色通道; the guards a person
 * meets on the way (order, role, notice days).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.monitoring.escalation-initial-delay=PT1H"})
class MonitoringEntryJourneyIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    TestTownship town;
    ProcedureClient procedures;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port, jdbc);
        town = new TestTownship(api);
        procedures = new ProcedureClient(api, town);
    }

    private long household(String householdClass, int netIncome) {
        Map<String, Object> body = town.household("E" + System.nanoTime(), netIncome);
        body.put("householdClass", householdClass);
        long id = TestTownship.id(api.post("/api/households", body));
        api.awaitOutboxDrained();
        return id;
    }

    private Map<String, Object> status(long householdId) {
        return api.get("/api/households/" + householdId + "/status");
    }

    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    /** Posts a task action as the helper cadre. */
    private Map<String, Object> task(long taskId, String action, Map<String, Object> body) {
        Map<String, Object> b = new HashMap<>(body);
        b.put("cadreId", town.helperId);
        return ok(call(procedures.village(), HttpMethod.POST, "/api/tasks/" + taskId + "/" + action, b));
    }

    @Test
    void aFindingFollowedUpAtTheDoorAndDecidedByTheCountyMakesTheHouseholdMonitoredWithItsCategoryAndDate() {
        long household = household("脱贫户", 11000); // 5500 a person, under the 2021 monitoring line of 6000
        Map<String, Object> task = api.getList("/api/households/" + household + "/tasks").stream()
                .filter(t -> "MON-VERIFY".equals(t.get("taskCode"))).findFirst().orElseThrow();
        long taskId = TestTownship.id(task);
        task(taskId, "visits", Map.of("visitDate", "2021-12-20", "findings", "户主住院，家庭收入下降，自身无法应对",
                "measures", List.of("医疗救助")));
        task(taskId, "resolve", Map.of("outcome", "纳入监测", "note", "入户核实属实"));
        api.awaitOutboxDrained();

        List<Map<String, Object>> started = api.getList("/api/households/" + household + "/procedures");
        assertThat(started).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("kind", "MONITORING_ENTRY").containsEntry("origin", "FINDING")
                .containsEntry("category", "脱贫不稳定户").containsEntry("taskId", (int) taskId)
                .containsEntry("status", "IN_PROGRESS").containsEntry("currentStep", "VILLAGE_REVIEW")
                .containsEntry("startedOn", "2021-12-20").containsEntry("finalDueDate", "2022-01-04"));
        assertThat(list(started.get(0).get("record"))).extracting(r -> r.get("step") + " " + r.get("outcome"))
                .containsExactly("null STARTED", "VERIFICATION PASSED");
        long procedure = TestTownship.id(started.get(0));
        assertThat(map(status(household).get("status")).get("monitoring")).as("not monitored before the last step").isNull();

        procedures.steps(procedure, List.of("VILLAGE_REVIEW 2021-12-21", "VILLAGE_NOTICE 2021-12-22 2021-12-27",
                "TOWNSHIP_REVIEW 2021-12-28"));
        Map<String, Object> done = ok(procedures.take(procedure, "COUNTY_APPROVAL", "PASSED", "2021-12-30",
                "彭水乡振发〔2021〕8号"));
        api.awaitOutboxDrained();

        assertThat(done).containsEntry("status", "COMPLETED").containsEntry("completedOn", "2021-12-30")
                .containsEntry("decisionReference", "彭水乡振发〔2021〕8号").doesNotContainKey("currentStep");
        Map<String, Object> status = status(household);
        assertThat(map(status.get("status"))).containsEntry("householdClass", "EXITED")
                .containsEntry("monitoring", "MONITORED").containsEntry("category", "脱贫不稳定户")
                .containsEntry("since", "2021-12-30");
        List<Map<String, Object>> history = list(status.get("history"));
        assertThat(history).isNotEmpty();
        assertThat(history.get(0)).containsEntry("kind", "ENTERED_MONITORING")
                .containsEntry("procedureId", (int) procedure).containsEntry("actor", "t-leader")
                .containsEntry("reference", "彭水乡振发〔2021〕8号").containsEntry("effectiveOn", "2021-12-30");
        assertThat((String) history.get(0).get("summary")).contains("→").contains("监测对象：脱贫不稳定户");
        assertThat(map(api.get("/api/households/" + household).get("monitoring")))
                .containsEntry("status", "MONITORED").containsEntry("category", "脱贫不稳定户")
                .containsEntry("since", "2021-12-30");
        assertThat(list(status.get("measures"))).extracting(m -> m.get("measure")).containsExactly("MEDICAL_ASSISTANCE");
    }

    @Test
    void aHouseholdsOwnApplicationGoesBackToVerificationOnAnObjectionAndMeetsEveryGuardOnItsWay() {
        long household = household("一般农户", 30000);
        long procedure = procedures.started(household, Map.of("kind", "纳入监测", "origin", "农户自主申报",
                "category", "边缘易致贫户", "startedOn", "2021-11-01", "note", "户主申请：妻子患病"));
        Map<String, Object> view = procedures.get(procedure);
        assertThat(view).containsEntry("origin", "APPLICATION").containsEntry("greenChannel", false)
                .containsEntry("currentStep", "VERIFICATION").containsEntry("currentStepLevel", "村级")
                .containsEntry("stepDueDate", "2021-11-04").containsEntry("finalDueDate", "2021-11-16");

        Answer outOfOrder = procedures.take(procedure, "VILLAGE_NOTICE", "POSTED", "2021-11-02", null);
        assertThat(outOfOrder.status()).isEqualTo(409);
        assertThat(outOfOrder.detail()).contains("当前步骤为「入户核实」，不能办理「村级公示」");

        procedures.steps(procedure, List.of("VERIFICATION 2021-11-02", "VILLAGE_REVIEW 2021-11-04"));
        ok(procedures.take(procedure, "村级公示", "公示开始", "2021-11-05", null));
        Answer early = procedures.take(procedure, "VILLAGE_NOTICE", "PASSED", "2021-11-09", null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.detail()).contains("公示期未满").contains("最早 2021-11-10");

        Map<String, Object> objected = ok(procedures.take(procedure, "VILLAGE_NOTICE", "OBJECTION", "2021-11-07",
                null));
        assertThat(objected).containsEntry("currentStep", "VERIFICATION").doesNotContainKey("noticePostedOn")
                .containsEntry("status", "IN_PROGRESS");

        procedures.steps(procedure, List.of("VERIFICATION 2021-11-08", "VILLAGE_REVIEW 2021-11-09",
                "VILLAGE_NOTICE 2021-11-10 2021-11-15"));
        Answer byCadre = ProcedureClient.take(procedures.village(), procedure, "TOWNSHIP_REVIEW", "PASSED",
                "2021-11-15");
        assertThat(byCadre.status()).isEqualTo(403);
        assertThat(byCadre.detail()).contains("「乡镇审核」是乡镇步骤");
        assertThat(procedures.get(procedure)).containsEntry("currentStep", "TOWNSHIP_REVIEW");
        procedures.steps(procedure, List.of("TOWNSHIP_REVIEW 2021-11-15", "COUNTY_APPROVAL 2021-11-16"));
        api.awaitOutboxDrained();

        Map<String, Object> done = procedures.get(procedure);
        assertThat(done).containsEntry("status", "COMPLETED");
        assertThat(list(done.get("record"))).extracting(r -> r.get("step") + " " + r.get("outcome")).containsExactly(
                "null STARTED", "VERIFICATION PASSED", "VILLAGE_REVIEW PASSED", "VILLAGE_NOTICE POSTED",
                "VILLAGE_NOTICE OBJECTION", "VERIFICATION PASSED", "VILLAGE_REVIEW PASSED", "VILLAGE_NOTICE POSTED",
                "VILLAGE_NOTICE PASSED", "TOWNSHIP_REVIEW PASSED", "COUNTY_APPROVAL PASSED");
        assertThat(map(status(household).get("status"))).containsEntry("householdClass", "GENERAL")
                .containsEntry("monitoring", "MONITORED").containsEntry("category", "边缘易致贫户")
                .containsEntry("since", "2021-11-16");
    }

    @Test
    void theGreenChannelHelpsFirstAndMustBeDecidedWithinItsOwnLimit() {
        long household = household("脱贫户", 30000);
        Answer exitByGreenChannel = procedures.start(household, Map.of("kind", "EXIT", "greenChannel", true));
        assertThat(exitByGreenChannel.status()).isEqualTo(400);
        assertThat(exitByGreenChannel.detail()).contains("绿色通道只适用于纳入监测程序");

        long procedure = procedures.started(household, Map.of("kind", "MONITORING_ENTRY", "origin", "VISIT",
                "category", "突发严重困难户", "greenChannel", true, "startedOn", "2021-10-01",
                "note", "房屋被洪水冲毁，先行安置"));

        Map<String, Object> view = procedures.get(procedure);
        assertThat(view).containsEntry("greenChannel", true).containsEntry("origin", "VISIT")
                .containsEntry("finalDueDate", "2021-10-31").containsEntry("overdue", true);
        assertThat((String) list(view.get("record")).get(0).get("note")).contains("绿色通道");
        Map<String, Object> done = procedures.steps(procedure, List.of("VERIFICATION 2021-10-02",
                "VILLAGE_REVIEW 2021-10-10", "VILLAGE_NOTICE 2021-10-11 2021-10-16", "TOWNSHIP_REVIEW 2021-10-20",
                "COUNTY_APPROVAL 2021-10-25"));
        api.awaitOutboxDrained();
        assertThat(done).containsEntry("status", "COMPLETED");
        assertThat(map(status(household).get("status"))).containsEntry("monitoring", "MONITORED")
                .containsEntry("category", "突发严重困难户").containsEntry("since", "2021-10-25");
    }

    @Test
    void aTaskWhoseVisitFindingsFillTheFieldStillStartsItsProcedure() {
        long household = household("脱贫户", 11000);
        long taskId = TestTownship.id(api.getList("/api/households/" + household + "/tasks").stream()
                .filter(t -> "MON-VERIFY".equals(t.get("taskCode"))).findFirst().orElseThrow());
        task(taskId, "visits", Map.of("visitDate", "2021-12-20", "findings", "核".repeat(1000),
                "measures", List.of("就业")));

        task(taskId, "resolve", Map.of("outcome", "纳入监测"));

        assertThat(api.getList("/api/households/" + household + "/procedures")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("currentStep", "VILLAGE_REVIEW"));
    }
}
