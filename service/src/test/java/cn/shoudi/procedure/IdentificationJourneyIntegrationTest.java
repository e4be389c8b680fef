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
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static cn.shoudi.ProcedureClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 识别 end to end through REST: 「八步两评议两公示一比对一公告」 makes a 一般农户 a 未脱贫户 registered in the year of the
 * announcement; the procedure's dates reach the registry as facts, and dates recorded out of order raise the
 * data-quality finding of the date-order row (DQ-3U).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.monitoring.escalation-initial-delay=PT1H"})
class IdentificationJourneyIntegrationTest {

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

    private long generalHousehold() {
        Map<String, Object> body = town.household("I" + System.nanoTime(), 5000);
        body.put("householdClass", "一般农户");
        long id = TestTownship.id(api.post("/api/households", body));
        api.awaitOutboxDrained();
        return id;
    }

    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private List<Object> latestFindingCodes(long household) {
        List<Map<String, Object>> assessments = api.getList("/api/households/" + household + "/assessments");
        assertThat(assessments).isNotEmpty();
        Map<String, Object> latest = assessments.stream().max((a, b) -> Long.compare(((Number) a.get("id"))
                .longValue(), ((Number) b.get("id")).longValue())).orElseThrow();
        return ((List<Map<String, Object>>) latest.get("findings")).stream().map(f -> f.get("code")).toList();
    }

    @Test
    void theEightStepsWithTwoNoticesMakeAGeneralHouseholdNotExitedRegisteredInTheYearOfTheAnnouncement() {
        long household = generalHousehold();
        long procedure = procedures.started(household, Map.of("kind", "识别（建档立卡）", "origin", "APPLICATION",
                "startedOn", "2015-10-08"));
        assertThat(procedures.get(procedure)).containsEntry("currentStep", "APPLICATION")
                .doesNotContainKey("finalDueDate");

        procedures.steps(procedure, List.of("APPLICATION 2015-10-10", "VERIFICATION 2015-10-12",
                "GROUP_REVIEW 2015-10-15", "CROSS_CHECK 2015-10-18", "VILLAGE_REVIEW 2015-10-20",
                "VILLAGE_NOTICE 2015-10-21 2015-10-28", "TOWNSHIP_REVIEW 2015-10-30"));
        ok(procedures.take(procedure, "TOWNSHIP_NOTICE", "POSTED", "2015-10-31", null));
        Answer sixDays = procedures.take(procedure, "TOWNSHIP_NOTICE", "PASSED", "2015-11-06", null);
        assertThat(sixDays.status()).isEqualTo(409);
        assertThat(sixDays.detail()).contains("须公示不少于 7 天，最早 2015-11-07");
        assertThat(map(api.get("/api/households/" + household + "/status").get("status")))
                .containsEntry("householdClass", "GENERAL");
        procedures.pass(procedure, "TOWNSHIP_NOTICE", "2015-11-07");
        Map<String, Object> done = ok(procedures.take(procedure, "ANNOUNCEMENT", "PASSED", "2015-11-10",
                "彭水扶贫办〔2015〕21号"));
        api.awaitOutboxDrained();

        assertThat(done).containsEntry("status", "COMPLETED").containsEntry("completedOn", "2015-11-10");
        Map<String, Object> status = api.get("/api/households/" + household + "/status");
        assertThat(map(status.get("status"))).containsEntry("householdClass", "NOT_EXITED")
                .containsEntry("registeredYear", 2015).doesNotContainKey("exitYear");
        List<Map<String, Object>> history = (List<Map<String, Object>>) status.get("history");
        assertThat(history).extracting(h -> h.get("kind")).containsExactly("IDENTIFIED", "REGISTERED");
        assertThat(history.get(0)).containsEntry("procedureId", (int) procedure).containsEntry("actor", "t-leader")
                .containsEntry("reference", "彭水扶贫办〔2015〕21号").containsEntry("effectiveOn", "2015-11-10");
        Map<String, Object> view = api.get("/api/households/" + household);
        assertThat(map(view.get("housing"))).containsEntry("registeredYear", 2015);
        assertThat(map(view.get("facts"))).containsEntry("appliedOn", "2015-10-10")
                .containsEntry("reviewedOn", "2015-10-20").containsEntry("noticeOn", "2015-10-21")
                .containsEntry("announcedOn", "2015-11-10");
        assertThat(latestFindingCodes(household)).doesNotContain("DQ-3U");

        Answer again = procedures.start(household, Map.of("kind", "IDENTIFICATION"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains("只有一般农户可以识别");
    }

    @Test
    void aReviewDatedBeforeTheApplicationRaisesTheDateOrderFinding() {
        long household = generalHousehold();
        long procedure = procedures.started(household, Map.of("kind", "IDENTIFICATION", "startedOn", "2015-10-08"));

        procedures.steps(procedure, List.of("APPLICATION 2015-10-10", "VERIFICATION 2015-10-12",
                "GROUP_REVIEW 2015-10-15", "CROSS_CHECK 2015-10-18", "VILLAGE_REVIEW 2015-10-05"));
        api.awaitOutboxDrained();

        assertThat(map(api.get("/api/households/" + household).get("facts"))).containsEntry("appliedOn", "2015-10-10")
                .containsEntry("reviewedOn", "2015-10-05");
        assertThat(latestFindingCodes(household)).contains("DQ-3U");
        assertThat(api.getList("/api/households/" + household + "/tasks"))
                .anySatisfy(t -> assertThat(t).containsEntry("taskCode", "DQ-3U").containsEntry("status", "OPEN"));
    }
}
