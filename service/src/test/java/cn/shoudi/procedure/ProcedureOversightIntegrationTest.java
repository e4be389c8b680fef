package cn.shoudi.procedure;

import cn.shoudi.ApiClient;
import cn.shoudi.ProcedureClient;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.shoudi.ProcedureClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What leaders oversee: an overdue step escalates up the chain exactly once per due date (even with two escalators
 * racing), and the pipeline counts the procedures in progress at each step and the overdue ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.monitoring.escalation-initial-delay=PT1H"})
class ProcedureOversightIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcedureEscalation escalation;

    ApiClient api;
    TestTownship town;
    ProcedureClient procedures;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port, jdbc);
        town = new TestTownship(api);
        procedures = new ProcedureClient(api, town);
    }

    private long household(String householdClass) {
        Map<String, Object> body = town.household("O" + System.nanoTime(), 30000);
        body.put("householdClass", householdClass);
        return TestTownship.id(api.post("/api/households", body));
    }

    private List<Map<String, Object>> escalations(long procedure) {
        List<Map<String, Object>> record = (List<Map<String, Object>>) procedures.get(procedure).get("record");
        return record.stream().filter(r -> "ESCALATED".equals(r.get("outcome"))).toList();
    }

    private static void race(Callable<Integer> run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            runs.add(pool.submit(run));
            runs.add(pool.submit(run));
            for (Future<Integer> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anOverdueStepEscalatesUpTheChainExactlyOncePerDueDate() throws Exception {
        long procedure = procedures.started(household("一般农户"), Map.of("kind", "MONITORING_ENTRY",
                "category", "边缘易致贫户", "startedOn", "2021-11-01"));
        assertThat(procedures.get(procedure)).containsEntry("overdue", true).containsEntry("stepDueDate", "2021-11-04")
                .containsEntry("assigneeLevel", "帮扶责任人").containsEntry("assigneeCadreId", (int) town.helperId);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        race(escalation::escalateOverdue);

        Map<String, Object> view = procedures.get(procedure);
        assertThat(view).containsEntry("escalationCount", 1).containsEntry("assigneeLevel", "驻组干部")
                .containsEntry("assigneeCadreId", (int) town.groupCadreId)
                .containsEntry("stepDueDate", today.plusDays(3).toString()).containsEntry("overdue", false)
                .containsEntry("currentStep", "VERIFICATION");
        assertThat(escalations(procedure)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("step", "VERIFICATION").containsEntry("actor", "system")
                .containsEntry("date", today.toString()));

        escalation.escalateOverdue();
        assertThat(escalations(procedure)).hasSize(1);

        // overdue again (a new due date passed): one level further up, the village committee
        jdbc.sql("UPDATE procedure_case SET step_due_date = ? WHERE id = ?").params(today.minusDays(1), procedure)
                .update();
        race(escalation::escalateOverdue);
        assertThat(procedures.get(procedure)).containsEntry("escalationCount", 2)
                .containsEntry("assigneeLevel", "村两委").containsEntry("assigneeCadreId", (int) town.committeeId);
        assertThat(escalations(procedure)).hasSize(2);

        // taking the step moves on to the helper again, but never past the 15 days the whole procedure has: overdue
        Map<String, Object> taken = procedures.pass(procedure, "VERIFICATION", today.toString());
        assertThat(taken).containsEntry("currentStep", "VILLAGE_REVIEW").containsEntry("assigneeLevel", "帮扶责任人")
                .containsEntry("stepDueDate", "2021-11-16").containsEntry("overdue", true);
    }

    @Test
    void thePipelineCountsTheProceduresAtEachStepAndTheOverdueOnes() {
        long overdueAtVerification = procedures.started(household("一般农户"), Map.of("kind", "MONITORING_ENTRY",
                "category", "边缘易致贫户", "startedOn", "2021-11-01"));
        long noticePosted = procedures.started(household("一般农户"), Map.of("kind", "MONITORING_ENTRY",
                "category", "边缘易致贫户", "startedOn", "2021-11-01"));
        procedures.steps(noticePosted, List.of("VERIFICATION 2021-11-02", "VILLAGE_REVIEW 2021-11-03"));
        ok(procedures.take(noticePosted, "VILLAGE_NOTICE", "POSTED", "2021-11-05", null));
        long dueLater = procedures.started(household("一般农户"), Map.of("kind", "IDENTIFICATION"));
        long completed = procedures.started(household("脱贫户"), Map.of("kind", "MONITORING_ENTRY",
                "category", "突发严重困难户", "startedOn", "2021-11-01"));
        procedures.steps(completed, List.of("VERIFICATION 2021-11-02", "VILLAGE_REVIEW 2021-11-03",
                "VILLAGE_NOTICE 2021-11-04 2021-11-09", "TOWNSHIP_REVIEW 2021-11-10", "COUNTY_APPROVAL 2021-11-11"));
        long withdrawn = procedures.started(household("脱贫户"), Map.of("kind", "MONITORING_ENTRY",
                "category", "脱贫不稳定户", "startedOn", "2021-11-01"));
        ok(ProcedureClient.call(procedures.leader(), HttpMethod.POST,
                "/api/procedures/" + withdrawn + "/withdraw", Map.of("reason", "农户撤回申请")));

        Map<String, Object> pipeline = procedures.leader().get("/api/procedures/pipeline?villageId=" + town.villageId);

        assertThat(pipeline).containsEntry("inProgress", 3).containsEntry("overdue", 2);
        List<Map<String, Object>> kinds = (List<Map<String, Object>>) pipeline.get("kinds");
        assertThat(kinds).extracting(k -> k.get("kind")).containsExactly("IDENTIFICATION", "EXIT", "MONITORING_ENTRY",
                "RISK_CLEARANCE");
        Map<String, Object> entry = kinds.get(2);
        assertThat(entry).containsEntry("inProgress", 2).containsEntry("overdue", 2).containsEntry("completed", 1);
        List<Map<String, Object>> steps = (List<Map<String, Object>>) entry.get("steps");
        assertThat(steps).extracting(s -> s.get("step") + " " + s.get("count") + " " + s.get("overdue") + " "
                + s.get("posted")).containsExactly("VERIFICATION 1 1 0", "VILLAGE_REVIEW 0 0 0", "VILLAGE_NOTICE 1 1 1",
                "TOWNSHIP_REVIEW 0 0 0", "COUNTY_APPROVAL 0 0 0");
        Map<String, Object> identification = kinds.get(0);
        assertThat(identification).containsEntry("inProgress", 1).containsEntry("overdue", 0);
        assertThat(((List<Map<String, Object>>) identification.get("steps")).get(0))
                .containsEntry("step", "APPLICATION").containsEntry("count", 1).containsEntry("overdue", 0);

        List<Map<String, Object>> overdue = procedures.leader().getList("/api/procedures?overdue=true&villageId="
                + town.villageId);
        assertThat(overdue).extracting(i -> ((Number) i.get("id")).longValue())
                .containsExactlyInAnyOrder(overdueAtVerification, noticePosted);
        List<Map<String, Object>> applications = procedures.leader().getList("/api/procedures?kind=识别（建档立卡）"
                + "&step=农户申请&villageId=" + town.villageId);
        assertThat(applications).singleElement().satisfies(i -> assertThat(i)
                .containsEntry("id", (int) dueLater).containsEntry("overdue", false).containsEntry("headName", "冉德才"));
    }
}
