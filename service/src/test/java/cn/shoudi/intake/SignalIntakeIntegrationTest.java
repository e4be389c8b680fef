package cn.shoudi.intake;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Department signals: stored once per source event, matched by ID number, cited by the findings they cause. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.monitoring.escalation-initial-delay=PT1H"})
class SignalIntakeIntegrationTest {

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

    /** A valid, unused ID number of a man born in 1965. */
    static String freshId() {
        return cn.shoudi.TestIds.fresh("1965", true);
    }

    private long household(String headId) {
        Map<String, Object> h = town.household("S" + System.nanoTime(), 30000);
        String birth = "1965-" + headId.substring(10, 12) + "-" + headId.substring(12, 14);
        h.put("members", List.of(Map.of("name", "冉德才", "idNumber", headId, "sex", "男", "birthDate", birth,
                "relation", "户主")));
        long id = TestTownship.id(api.post("/api/households", h));
        api.awaitOutboxDrained();
        return id;
    }

    private Map<String, Object> send(Map<String, Object> signal) {
        return api.asDepartment((String) signal.get("source")).http().post().uri("/api/signals").contentType(MediaType.APPLICATION_JSON).body(signal)
                .exchange((req, res) -> Map.of("status", res.getStatusCode().value(),
                        "body", new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private Map<String, Object> medicalClaim(String eventId, String idNumber, int amount) {
        Map<String, Object> s = new HashMap<>();
        s.put("source", "医保");
        s.put("eventId", eventId);
        s.put("kind", "住院自付");
        s.put("amount", amount);
        s.put("date", "2021-06-01");
        s.put("idNumber", idNumber);
        s.put("detail", "住院结算");
        return s;
    }

    private List<String> latestCodes(long household) {
        Map<String, Object> latest = api.getList("/api/households/" + household + "/assessments").get(0);
        return ((List<Map<String, Object>>) latest.get("findings")).stream().map(f -> (String) f.get("code")).toList();
    }

    @Test
    void theSameSignalTwiceIsStoredOnceRaisesOneFindingAndOneTaskThatCiteIt() {
        String id = freshId();
        long household = household(id);
        String event = "YB-" + System.nanoTime();

        Map<String, Object> first = send(medicalClaim(event, id, 6000));
        assertThat(first).containsEntry("status", 201);
        assertThat((String) first.get("body")).contains("\"status\":\"MATCHED\"");
        api.awaitOutboxDrained();
        assertThat(latestCodes(household)).contains("AL-MED-REG");
        int assessments = api.getList("/api/households/" + household + "/assessments").size();

        Map<String, Object> again = send(medicalClaim(event, id, 6000));
        assertThat(again).containsEntry("status", 200);
        api.awaitOutboxDrained();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_signal WHERE source = '医保' AND event_id = ?").param(event)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(api.getList("/api/households/" + household + "/assessments")).hasSize(assessments);
        Map<String, Object> latest = api.getList("/api/households/" + household + "/assessments").get(0);
        Map<String, Object> finding = ((List<Map<String, Object>>) latest.get("findings")).stream()
                .filter(f -> "AL-MED-REG".equals(f.get("code"))).findFirst().orElseThrow();
        assertThat((List<Map<String, Object>>) finding.get("tested")).anySatisfy(t -> assertThat(t)
                .containsEntry("fact", "ytdInpatientSelfPaid")
                .satisfies(x -> assertThat((List<String>) x.get("evidence")).containsExactly("医保:住院自付 医保-" + event)));
        assertThat(api.getList("/api/households/" + household + "/tasks"))
                .filteredOn(t -> "AL-MED-REG".equals(t.get("taskCode"))).hasSize(1);
    }

    @Test
    void aSignalMatchingNobodyWaitsInTheReviewQueueUntilMatched() {
        String unknownId = freshId();
        Map<String, Object> r = send(medicalClaim("YB-" + System.nanoTime(), unknownId, 6000));
        assertThat(r).containsEntry("status", 201);
        assertThat((String) r.get("body")).contains("UNMATCHED").contains("未在台账的家庭成员中找到");
        List<Map<String, Object>> queue = api.getList("/api/signals/review");
        Map<String, Object> queued = queue.stream().filter(s -> cn.shoudi.Privacy.maskIdNumber(unknownId).equals(s.get("idNumber"))).findFirst()
                .orElseThrow();

        long household = household(freshId());
        Map<String, Object> matched = api.http().post().uri("/api/signals/" + queued.get("id") + "/match")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("householdId", household)).retrieve().body(Map.class);
        assertThat(matched).containsEntry("status", "MATCHED").containsEntry("resolvedBy", "t-officer");
        api.awaitOutboxDrained();
        assertThat(latestCodes(household)).contains("AL-MED-REG");
        assertThat(api.getList("/api/signals/review")).noneMatch(s -> cn.shoudi.Privacy.maskIdNumber(unknownId).equals(s.get("idNumber")));
    }

    @Test
    void anInvalidSignalIsRefusedWithEveryProblem() {
        Map<String, Object> bad = medicalClaim("", "500243196504120012", -5);
        bad.put("kind", "挂号");
        bad.put("date", LocalDate.now().plusDays(2).toString());
        Map<String, Object> r = send(bad);
        assertThat(r).containsEntry("status", 400);
        assertThat((String) r.get("body")).contains("信号类型“挂号”无效").contains("来源事件编号").contains("晚于今天")
                .contains("校验位").contains("金额不能为负数");
    }
}
