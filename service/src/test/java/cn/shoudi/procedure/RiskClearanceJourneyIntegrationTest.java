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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.shoudi.ProcedureClient.call;
import static cn.shoudi.ProcedureClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 风险消除 end to end through REST: a household monitored by a completed procedure gets measures at its visits, its
 * income settles above the line, and six months after entry the rules propose 风险消除 (not before, as the trial
 * evaluation shows on either side of the date); the proposal's task resolved as 风险消除 starts the procedure whose last
 * step clears the risk. A household without labour stays monitored and is never proposed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.monitoring.escalation-initial-delay=PT1H"})
class RiskClearanceJourneyIntegrationTest {

    private static final String ENTERED = "2021-03-12";

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

    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    /**
     * A 脱贫户 of two earning 7000 a person (above the 2021 line of 6000), monitored since {@link #ENTERED} through a
     * completed 纳入监测, with two measures and rigid spending resolved at a visit, income stable for 8 months.
     */
    private long monitoredHousehold(String headLabour, String spouseLabour) {
        Map<String, Object> body = town.household("R" + System.nanoTime(), 14000);
        List<Map<String, Object>> members = list(body.get("members"));
        Map<String, Object> head = new HashMap<>(members.get(0));
        head.put("labour", headLabour);
        Map<String, Object> spouse = new HashMap<>(members.get(1));
        spouse.put("labour", spouseLabour);
        body.put("members", List.of(head, spouse));
        long household = TestTownship.id(api.post("/api/households", body));

        long entry = procedures.started(household, Map.of("kind", "MONITORING_ENTRY", "origin", "VISIT",
                "category", "脱贫不稳定户", "startedOn", "2021-03-01"));
        procedures.steps(entry, List.of("VERIFICATION 2021-03-02", "VILLAGE_REVIEW 2021-03-04",
                "VILLAGE_NOTICE 2021-03-05 2021-03-10", "TOWNSHIP_REVIEW 2021-03-11", "COUNTY_APPROVAL " + ENTERED));

        Map<String, Object> visit = new HashMap<>();
        visit.put("cadreId", town.helperId);
        visit.put("visitDate", "2021-05-10");
        visit.put("findings", "户主出院，已落实医疗救助；介绍配偶到镇上务工");
        visit.put("measures", List.of("医疗救助", "就业"));
        visit.put("rigidSpendResolved", true);
        visit.put("newRiskDetected", false);
        assertThat(call(procedures.village(), HttpMethod.POST, "/api/households/" + household + "/visits", visit)
                .status()).isEqualTo(201);
        api.patch("/api/households/" + household + "/facts", Map.of("values", Map.of("incomeStableMonths", 8)));
        api.awaitOutboxDrained();
        return household;
    }

    private Map<String, Object> riskCleared(long household, String asOf) {
        Map<String, Object> evaluation = api.get("/api/households/" + household + "/evaluation?asOf=" + asOf);
        assertThat((String) evaluation.get("asOf")).isEqualTo(asOf);
        return map(map(evaluation.get("decisions")).get("risk-cleared"));
    }

    private static List<Object> codes(Map<String, Object> decisionOrAssessment) {
        List<Map<String, Object>> findings = list(decisionOrAssessment.get("findings"));
        return findings.stream().map(f -> f.get("code")).toList();
    }

    private Map<String, Object> latestAssessment(long household) {
        List<Map<String, Object>> assessments = api.getList("/api/households/" + household + "/assessments");
        assertThat(assessments).isNotEmpty();
        return assessments.stream().max((a, b) -> Long.compare(((Number) a.get("id")).longValue(),
                ((Number) b.get("id")).longValue())).orElseThrow();
    }

    @Test
    void sixMonthsAfterEntryTheRulesProposeRiskClearanceAndTheCompletedProcedureClearsTheRisk() {
        long household = monitoredHousehold("普通劳动力", "弱劳动力");
        Map<String, Object> status = api.get("/api/households/" + household + "/status");
        assertThat(map(status.get("status"))).containsEntry("monitoring", "MONITORED").containsEntry("since", ENTERED);
        assertThat(list(status.get("measures"))).extracting(m -> m.get("measure"))
                .containsExactlyInAnyOrder("MEDICAL_ASSISTANCE", "EMPLOYMENT");
        assertThat(map(api.get("/api/households/" + household).get("facts"))).containsEntry("rigidSpendResolved", true)
                .containsEntry("newRiskDetected", false).containsEntry("incomeStableMonths", 8);

        Map<String, Object> fiveMonths = riskCleared(household, "2021-08-12");
        assertThat(fiveMonths).containsEntry("outcome", "继续监测");
        assertThat(codes(fiveMonths)).containsExactly("RC-MONTHS");
        Map<String, Object> sixMonths = riskCleared(household, "2021-09-12");
        assertThat(sixMonths).containsEntry("outcome", "建议消除");
        assertThat(codes(sixMonths)).containsExactly("RC-OK");

        Map<String, Object> stored = latestAssessment(household);
        assertThat(map(stored.get("outcomes"))).containsEntry("risk-cleared", "建议消除");
        assertThat(codes(stored)).contains("RC-OK");
        Map<String, Object> task = api.getList("/api/households/" + household + "/tasks").stream()
                .filter(t -> "RC-VERIFY".equals(t.get("taskCode"))).findFirst().orElseThrow();
        assertThat(task).containsEntry("status", "OPEN").containsEntry("assigneeCadreId", (int) town.helperId);

        long taskId = TestTownship.id(task);
        ok(call(procedures.village(), HttpMethod.POST, "/api/tasks/" + taskId + "/visits", Map.of("cadreId",
                town.helperId, "visitDate", "2021-12-30", "findings", "核实组2人入户：收入稳定，医疗费用已报销",
                "measures", List.of())));
        ok(call(procedures.village(), HttpMethod.POST, "/api/tasks/" + taskId + "/resolve", Map.of("cadreId",
                town.helperId, "outcome", "风险消除")));
        Map<String, Object> clearance = api.getList("/api/households/" + household + "/procedures").stream()
                .filter(p -> "RISK_CLEARANCE".equals(p.get("kind"))).findFirst().orElseThrow();
        assertThat(clearance).containsEntry("status", "IN_PROGRESS").containsEntry("currentStep", "VILLAGE_REVIEW")
                .containsEntry("taskId", (int) taskId).containsEntry("startedOn", "2021-12-30");
        assertThat(map(api.get("/api/households/" + household + "/status").get("status")))
                .containsEntry("monitoring", "MONITORED");

        long procedure = TestTownship.id(clearance);
        procedures.steps(procedure, List.of("VILLAGE_REVIEW 2022-01-04", "VILLAGE_NOTICE 2022-01-05 2022-01-12",
                "TOWNSHIP_REVIEW 2022-01-13", "COUNTY_APPROVAL 2022-01-14"));
        api.awaitOutboxDrained();

        Map<String, Object> after = api.get("/api/households/" + household + "/status");
        assertThat(map(after.get("status"))).containsEntry("monitoring", "CLEARED").containsEntry("since", ENTERED)
                .containsEntry("category", "脱贫不稳定户").containsEntry("riskClearedOn", "2022-01-14");
        List<Map<String, Object>> history = list(after.get("history"));
        assertThat(history).isNotEmpty();
        assertThat(history.get(0)).containsEntry("kind", "RISK_CLEARED").containsEntry("procedureId", (int) procedure)
                .containsEntry("effectiveOn", "2022-01-14");
        Map<String, Object> cleared = api.get("/api/households/" + household);
        assertThat(map(cleared.get("monitoring"))).containsEntry("status", "CLEARED")
                .containsEntry("riskClearedOn", "2022-01-14");
        // what the visits assessed belonged to the period that ended: a later period is assessed afresh
        assertThat(map(cleared.get("facts"))).doesNotContainKeys("rigidSpendResolved", "newRiskDetected")
                .containsEntry("incomeStableMonths", 8);
        assertThat(map(latestAssessment(household).get("outcomes"))).doesNotContainEntry("risk-cleared", "建议消除");
    }

    @Test
    void aHouseholdWithoutLabourStaysMonitoredAndIsNeverProposedForRiskClearance() {
        long household = monitoredHousehold("丧失劳动力", "无劳动力");

        Map<String, Object> sixMonths = riskCleared(household, "2021-09-12");
        assertThat(sixMonths).containsEntry("outcome", "继续监测");
        assertThat(codes(sixMonths)).containsExactly("RC-NOLABOUR");
        Map<String, Object> stored = latestAssessment(household);
        assertThat(map(stored.get("outcomes"))).containsEntry("risk-cleared", "继续监测");
        assertThat(codes(stored)).contains("RC-NOLABOUR").doesNotContain("RC-OK");
        assertThat(api.getList("/api/households/" + household + "/tasks"))
                .noneMatch(t -> "RC-VERIFY".equals(t.get("taskCode")));
        assertThat(map(api.get("/api/households/" + household + "/status").get("status")))
                .containsEntry("monitoring", "MONITORED");
    }

    @Test
    void aCadreRecordsAVisitOnlyInTheirOwnName() {
        Map<String, Object> body = town.household("V" + System.nanoTime(), 14000);
        long household = TestTownship.id(api.post("/api/households", body));
        Map<String, Object> visit = new HashMap<>(Map.of("cadreId", town.helperId, "visitDate", "2021-05-10",
                "findings", "走访", "measures", List.of("就业")));

        int asAnother = call(api.asCadre(town.groupCadreId), HttpMethod.POST,
                "/api/households/" + household + "/visits", visit).status();
        int asThemself = call(procedures.village(), HttpMethod.POST, "/api/households/" + household + "/visits",
                visit).status();

        assertThat(asAnother).isEqualTo(403);
        assertThat(asThemself).isEqualTo(201);
        assertThat(list(api.get("/api/households/" + household + "/status").get("measures"))).hasSize(1);
    }
}
