package cn.shoudi.assessment;

import cn.shoudi.ApiClient;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import cn.shoudi.TestIds;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of change ends in the expected assessment and task through the published tables: a member's illness
 * (alerts.xlsx AL-ILL) and a house re-graded D (monitoring.xlsx M-3c); income is covered by the walking skeleton.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.monitoring.escalation-initial-delay=PT1H"})
class ChangeDrivenEvaluationIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AssessmentService assessments;

    ApiClient api;
    TestTownship town;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port, jdbc);
        town = new TestTownship(api);
    }

    /** A 脱贫户 of two above the monitoring line (15,000 per person), healthy, in a B-grade house. */
    private Map<String, Object> household(String no, String headHealth, String houseGrade) {
        Map<String, Object> h = town.household(no, 30000);
        String head = TestIds.fresh("1965", true);
        String spouse = TestIds.fresh("1967", false);
        h.put("members", List.of(
                new HashMap<>(Map.of("name", "冉德才", "idNumber", head, "sex", "男",
                        "birthDate", TestIds.birthDate(head), "relation", "户主", "health", headHealth, "medicalInsured", true,
                        "labour", "普通劳动力")),
                new HashMap<>(Map.of("name", "何秀英", "idNumber", spouse, "sex", "女",
                        "birthDate", TestIds.birthDate(spouse), "relation", "配偶", "health", "健康", "medicalInsured", true,
                        "labour", "普通劳动力"))));
        h.put("housing", Map.of("houseGrade", houseGrade, "waterQualityOk", true, "familyDoctorSigned", true,
                "registeredYear", 2015, "exitYear", 2018, "mainCause", "因病"));
        return h;
    }

    private Map<String, Object> latest(long household) {
        return api.getList("/api/households/" + household + "/assessments").get(0);
    }

    private List<String> codes(Map<String, Object> assessment) {
        return ((List<Map<String, Object>>) assessment.get("findings")).stream().map(f -> (String) f.get("code"))
                .toList();
    }

    private long update(long id, Map<String, Object> body) {
        body.put("version", api.get("/api/households/" + id).get("version"));
        api.put("/api/households/" + id, body);
        api.awaitOutboxDrained();
        return id;
    }

    @Test
    void aMembersSeriousIllnessRaisesTheIllnessAlertAndItsTask() {
        String no = "I" + System.nanoTime();
        long id = TestTownship.id(api.post("/api/households", household(no, "健康", "B")));
        api.awaitOutboxDrained();
        assertThat(codes(latest(id))).doesNotContain("AL-ILL");
        assertThat(api.getList("/api/households/" + id + "/tasks")).isEmpty();

        update(id, household(no, "大病", "B"));

        Map<String, Object> after = latest(id);
        assertThat(codes(after)).contains("AL-ILL");
        assertThat((String) after.get("changes")).contains("新增: 部门筛查预警");
        assertThat(api.getList("/api/households/" + id + "/tasks")).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("taskCode", "AL-ILL").containsEntry("taskType", "入户核实")
                .containsEntry("assigneeCadreId", (int) town.helperId).containsEntry("status", "OPEN"));
    }

    @Test
    void aHouseReGradedDMakesASuddenHardshipHouseholdWithAVerificationTask() {
        String no = "H" + System.nanoTime();
        long id = TestTownship.id(api.post("/api/households", household(no, "健康", "B")));
        api.awaitOutboxDrained();
        assertThat(((Map<String, Object>) latest(id).get("outcomes"))).containsEntry("monitoring", "不纳入");

        update(id, household(no, "健康", "D"));

        Map<String, Object> after = latest(id);
        assertThat(((Map<String, Object>) after.get("outcomes"))).containsEntry("monitoring", "突发严重困难户");
        assertThat(codes(after)).contains("M-3c", "DQ-HOUSE2");
        assertThat((String) after.get("changes")).contains("监测对象纳入: 不纳入 → 突发严重困难户");
        assertThat(api.getList("/api/households/" + id + "/tasks")).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("taskCode", "MON-VERIFY").containsEntry("findingCode", "M-3c"));
    }

    @Test
    void anUnknownHealthValueIsRefusedWithItsField() {
        Map<String, Object> bad = household("X" + System.nanoTime(), "重病", "E");
        var response = api.http().post().uri("/api/households").body(bad)
                .contentType(MediaType.APPLICATION_JSON)
                .exchange((req, res) -> new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(response).contains("members[0].health").contains("健康状况“重病”无效")
                .contains("housing.houseGrade");
    }

    @Test
    void aBurstOfChangesIsAssessedOnceEachAndOpensOneTaskEach() throws Exception {
        List<Long> ids = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<Future<Long>> posted = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                // ill heads: every household raises the illness alert and its task
                Map<String, Object> h = household("B" + System.nanoTime() + "-" + i, "大病", "B");
                posted.add(clients.submit(() -> TestTownship.id(api.post("/api/households", h))));
            }
            for (Future<Long> f : posted) {
                ids.add(f.get());
            }
        } finally {
            clients.shutdown();
        }
        api.awaitOutboxDrained();
        assertThat(ids).hasSize(24);
        for (long id : ids) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment WHERE household_id = ?").param(id).query(Long.class)
                    .single()).as("household %d assessed once", id).isEqualTo(1);
            assertThat(codes(latest(id))).contains("AL-ILL");
            assertThat(api.getList("/api/households/" + id + "/tasks")).as("household %d", id).singleElement()
                    .satisfies(t -> assertThat(t).containsEntry("taskCode", "AL-ILL"));
        }
    }

    @Test
    void aBatchDoesNotWriteAnOlderReadingOverANewerOneNorUnderAnotherPolicy() throws Exception {
        String no = "O" + System.nanoTime();
        long id = TestTownship.id(api.post("/api/households", household(no, "健康", "B")));
        api.awaitOutboxDrained();
        jdbc.sql("UPDATE assessment_head SET policy_version = 'before-publication' WHERE household_id = ?")
                .param(id).update();
        AssessmentService.EvaluatedPage healthy = assessments.evaluatePage(List.of(id), Runnable::run);
        assertThat(healthy.records()).as("read and evaluated from the healthy data").hasSize(1);

        update(id, household(no, "大病", "B"));
        long newer = jdbc.sql("SELECT assessment_id FROM assessment_head WHERE household_id = ?").param(id)
                .query(Long.class).single();
        assertThat(codes(latest(id))).contains("AL-ILL");

        assertThat(assessments.writeChanges(healthy)).as("the older reading is dropped").isZero();
        assertThat(jdbc.sql("SELECT assessment_id FROM assessment_head WHERE household_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(newer);

        // the same data read again, as after a publication
        jdbc.sql("UPDATE assessment_head SET policy_version = 'before-publication' WHERE household_id = ?")
                .param(id).update();
        AssessmentService.EvaluatedPage again = assessments.evaluatePage(List.of(id), Runnable::run);
        assertThat(again.records()).hasSize(1);
        AssessmentService.EvaluatedPage underAnother = new AssessmentService.EvaluatedPage(again.records(),
                again.headsRead(), "an-older-policy", again.asOf(), Set.of());
        assertThat(assessments.writeChanges(underAnother)).as("evaluated under a policy no longer published")
                .isEqualTo(-1);
        assertThat(assessments.writeChanges(again)).as("the same household version under the published policy")
                .isEqualTo(1);
        assertThat(codes(latest(id))).contains("AL-ILL");
    }
}
