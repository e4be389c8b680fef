package cn.shoudi;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Birth, death, split and merge: validated on the whole household, recorded as history, each re-evaluated. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.monitoring.escalation-initial-delay=PT1H"})
class MembershipIntegrationTest {

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

    private Map<String, Object> post(String path, Object body) {
        return api.http().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange((req, res) ->
                Map.of("status", res.getStatusCode().value(),
                        "body", new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private int assessments(long household) {
        return api.getList("/api/households/" + household + "/assessments").size();
    }

    @Test
    void aBirthAndADeathChangeTheMembersRecordHistoryAndReEvaluate() {
        Map<String, Object> data = town.household("B" + System.nanoTime(), 11000);
        data.put("members", List.of(
                Map.of("name", "冉德才", "idNumber", TestIds.fresh("1965", true), "sex", "男",
                        "birthDate", "1965-01-01", "relation", "户主"),
                Map.of("name", "何秀英", "sex", "女", "birthDate", "1967-08-23", "relation", "配偶")));
        fixBirthDates(data);
        long id = TestTownship.id(api.post("/api/households", data));
        api.awaitOutboxDrained();
        int before = assessments(id);

        Map<String, Object> birth = post("/api/households/" + id + "/member-events", Map.of("type", "出生",
                "date", "2021-10-01", "member", Map.of("name", "冉小宝", "sex", "男", "birthDate", "2021-10-01",
                        "relation", "之子")));
        assertThat(birth).containsEntry("status", 200);
        api.awaitOutboxDrained();
        Map<String, Object> after = api.get("/api/households/" + id);
        assertThat((List<?>) after.get("members")).hasSize(3);
        assertThat(assessments(id)).isEqualTo(before + 1);

        assertThat(post("/api/households/" + id + "/member-events", Map.of("type", "DEATH", "date", "2021-11-01",
                "memberId", "何秀英", "note", "病故"))).containsEntry("status", 200);
        api.awaitOutboxDrained();
        after = api.get("/api/households/" + id);
        assertThat((List<Map<String, Object>>) after.get("members")).extracting(m -> m.get("name"))
                .containsExactly("冉德才", "冉小宝");
        assertThat((List<Map<String, Object>>) after.get("memberEvents")).extracting(e -> e.get("type"))
                .containsExactly("BIRTH", "DEATH");
        assertThat(assessments(id)).isEqualTo(before + 2);

        Map<String, Object> headGone = post("/api/households/" + id + "/member-events", Map.of("type", "死亡",
                "date", "2021-11-02", "memberId", "冉德才"));
        assertThat(headGone).containsEntry("status", 400);
        assertThat((String) headGone.get("body")).contains("户主");
    }

    @Test
    void aSplitCreatesAnEvaluatedHouseholdAndAMergeJoinsItBackKeepingBothHistories() {
        String sonId = TestIds.fresh("1995", true);
        Map<String, Object> data = town.household("P" + System.nanoTime(), 30000);
        data.put("members", List.of(
                Map.of("name", "冉德才", "idNumber", TestIds.fresh("1965", true), "sex", "男",
                        "birthDate", "1965-01-01", "relation", "户主"),
                Map.of("name", "何秀英", "sex", "女", "birthDate", "1967-08-23", "relation", "配偶"),
                Map.of("name", "冉明", "idNumber", sonId, "sex", "男", "birthDate", "1995-01-01", "relation", "之子")));
        fixBirthDates(data);
        long id = TestTownship.id(api.post("/api/households", data));
        api.awaitOutboxDrained();

        String newNo = "N" + System.nanoTime();
        assertThat(post("/api/households/" + id + "/split", Map.of("members", Map.of(sonId, "户主"),
                "newHouseholdNo", newNo, "newNetIncome", 12000, "remainingNetIncome", 18000, "date", "2021-09-01",
                "note", "子女成家分户"))).containsEntry("status", 200);
        api.awaitOutboxDrained();
        long fresh = jdbc.sql("SELECT id FROM registry_household WHERE household_no = ?").param(newNo)
                .query(Long.class).single();
        assertThat((List<?>) api.get("/api/households/" + id).get("members")).hasSize(2);
        assertThat((List<Map<String, Object>>) api.get("/api/households/" + fresh).get("memberEvents"))
                .singleElement().satisfies(e -> assertThat(e).containsEntry("type", "SPLIT_IN")
                        .containsEntry("relatedHouseholdId", (int) id));
        assertThat(assessments(fresh)).isPositive();

        assertThat(post("/api/households/" + id + "/merge", Map.of("otherHouseholdId", fresh,
                "relations", Map.of(sonId, "之子"), "netIncome", 30000, "date", "2021-12-01")))
                .containsEntry("status", 200);
        api.awaitOutboxDrained();
        Map<String, Object> merged = api.get("/api/households/" + id);
        assertThat((List<?>) merged.get("members")).hasSize(3);
        assertThat((List<Map<String, Object>>) merged.get("memberEvents")).extracting(e -> e.get("type"))
                .containsExactly("SPLIT_OUT", "MERGE_IN");
        Map<String, Object> gone = api.get("/api/households/" + fresh);
        assertThat(gone).containsEntry("status", "MERGED");
        assertThat((List<Map<String, Object>>) gone.get("memberEvents")).extracting(e -> e.get("type"))
                .containsExactly("SPLIT_IN", "MERGE_OUT");
        assertThat(post("/api/households/" + fresh + "/member-events", Map.of("type", "迁出", "date", "2021-12-02",
                "memberId", sonId))).containsEntry("status", 400);
    }

    /** Birth dates consistent with the generated ID numbers. */
    private static void fixBirthDates(Map<String, Object> data) {
        List<Map<String, Object>> members = new java.util.ArrayList<>();
        for (Object o : (List<?>) data.get("members")) {
            Map<String, Object> m = new HashMap<>((Map<String, Object>) o);
            String id = (String) m.get("idNumber");
            if (id != null) {
                m.put("birthDate", id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
            }
            members.add(m);
        }
        data.put("members", members);
    }
}
