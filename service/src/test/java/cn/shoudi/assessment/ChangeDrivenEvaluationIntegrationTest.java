package cn.shoudi.assessment;

import cn.shoudi.ApiClient;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
}
