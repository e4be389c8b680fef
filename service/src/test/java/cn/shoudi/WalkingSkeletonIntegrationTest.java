package cn.shoudi;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import org.assertj.core.api.Assertions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole slice through real parts: REST → database (MariaDB in CI) → outbox → Drools evaluation of
 * decision-tables/monitoring.xlsx → stored assessment → monitoring task for the helper cadre.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31"})
class WalkingSkeletonIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    TestTownship town;
    long helperId;

    @BeforeEach
    void township() {
        api = new ApiClient(port, jdbc);
        town = new TestTownship(api);
        helperId = town.helperId;
    }

    private Map<String, Object> household(String no, int netIncome) {
        return town.household(no, netIncome);
    }

    @Test
    void aHouseholdBelowTheMonitoringLineGetsOneTaskThatIsNeverSilentlyDeleted() {
        String no = "T" + System.nanoTime();
        // 11,000 元 for 2 people = 5,500 per capita, under the 2021 monitoring line of 6,000
        Map<String, Object> body = household(no, 11000);
        Map<String, Object> created = api.post("/api/households", body);
        long id = id(created);
        api.awaitOutboxDrained();

        List<Map<String, Object>> tasks = api.getList("/api/cadres/" + helperId + "/tasks");
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0)).containsEntry("householdId", (int) id).containsEntry("taskType", "入户核实")
                .containsEntry("status", "OPEN").containsEntry("findingCode", "M-1").containsEntry("findingRow", 10)
                .containsEntry("dueDate", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString());
        List<Map<String, Object>> history = api.getList("/api/households/" + id + "/assessments");
        assertThat(history).hasSize(1);
        Map<String, Object> first = history.get(0);
        assertThat(first).containsEntry("asOf", "2021-12-31");
        assertThat((Map<String, Object>) first.get("outcomes")).containsEntry("monitoring", "脱贫不稳定户");
        Map<String, Object> finding = monitoringFindings(first).get(0);
        assertThat(finding).containsEntry("file", "monitoring.xlsx").containsEntry("sheet", "监测对象纳入")
                .containsEntry("row", 10).containsEntry("code", "M-1");
        assertThat((String) finding.get("reason")).contains("监测线");
        assertThat(list(finding, "parameters")).anySatisfy(p -> assertThat(p)
                .containsEntry("code", "monitoring_line").containsEntry("confirmed", true));
        assertThat(list(finding, "tested")).anySatisfy(t -> assertThat(t)
                .containsEntry("fact", "perCapitaNetIncome"));

        // the same data saved again: recognised, no second assessment, still exactly one open task
        Map<String, Object> same = new HashMap<>(body);
        same.put("version", created.get("version"));
        Map<String, Object> saved = api.put("/api/households/" + id, same);
        api.awaitOutboxDrained();
        assertThat(api.getList("/api/households/" + id + "/assessments")).hasSize(1);
        assertThat(api.getList("/api/cadres/" + helperId + "/tasks")).hasSize(1);
        assertThat(openTasks(id)).isEqualTo(1);

        // income raised above the line: a new assessment without the finding; the task stays, marked cleared
        Map<String, Object> richer = household(no, 20000);
        richer.put("version", saved.get("version"));
        api.put("/api/households/" + id, richer);
        api.awaitOutboxDrained();
        history = api.getList("/api/households/" + id + "/assessments");
        assertThat(history).hasSize(2);
        assertThat((Map<String, Object>) history.get(0).get("outcomes")).containsEntry("monitoring", "不纳入");
        assertThat(monitoringFindings(history.get(0))).isEmpty();
        assertThat((String) history.get(0).get("changes")).contains("消除: 监测对象纳入 第10行 M-1")
                .contains("脱贫不稳定户 → 不纳入");
        List<Map<String, Object>> all = api.getList("/api/households/" + id + "/tasks");
        assertThat(all).hasSize(1);
        assertThat(all.get(0)).containsEntry("status", "OPEN");
        assertThat((String) all.get(0).get("clearedNote")).contains("第10行 M-1").contains("不再命中");
        assertThat(list(all.get(0), "history")).extracting(e -> e.get("action"))
                .containsExactly("OPENED", "CONDITION_CLEARED");
    }

    @Test
    void aStaleEditIsRefusedWithTheCurrentVersionAndChangesNothing() {
        String no = "T" + System.nanoTime();
        Map<String, Object> created = api.post("/api/households", household(no, 30000));
        long id = id(created);
        Map<String, Object> first = household(no, 31000);
        first.put("version", created.get("version"));
        api.put("/api/households/" + id, first);

        Map<String, Object> stale = household(no, 5000);
        stale.put("version", created.get("version"));
        var response = api.http().put().uri("/api/households/" + id).body(stale).contentType(
                MediaType.APPLICATION_JSON).exchange((req, res) -> Map.of(
                "status", res.getStatusCode().value(), "body", new String(res.getBody().readAllBytes(),
                        StandardCharsets.UTF_8)));
        assertThat(response.get("status")).isEqualTo(409);
        assertThat((String) response.get("body")).contains("currentVersion").contains("已被他人修改");
        assertThat(((Number) api.get("/api/households/" + id).get("netIncome")).intValue()).isEqualTo(31000);
    }

    @Test
    void invalidDataIsRefusedWithEveryProblemAndNothingIsStored() {
        Map<String, Object> bad = household("", 11000);
        bad.put("members", List.of(Map.of("name", "冉德才", "idNumber", "500243196504120018", "sex", "男",
                "birthDate", "1965-04-12", "relation", "之子")));
        var response = api.http().post().uri("/api/households").body(bad).contentType(
                MediaType.APPLICATION_JSON).exchange((req, res) -> Map.of(
                "status", res.getStatusCode().value(), "body", new String(res.getBody().readAllBytes(),
                        StandardCharsets.UTF_8)));
        assertThat(response.get("status")).isEqualTo(400);
        assertThat((String) response.get("body")).contains("householdNo").contains("members[0].idNumber")
                .contains("校验位").contains("户主");
    }

    @Test
    void theDatabaseAllowsOnlyOneOpenTaskPerHouseholdAndTaskCode() {
        long household = 900_000_000L + System.nanoTime() % 1_000_000L;
        String insert = "INSERT INTO monitoring_task (household_id, task_code, task_type, status, open_flag, due_date, "
                + "opened_at, last_seen_at, assessment_id, finding_file, finding_row, finding_code, version) "
                + "VALUES (?, 'MON-VERIFY', '入户核实', ?, ?, '2021-12-31', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, "
                + "'monitoring.xlsx', 10, 'M-1', 0)";
        jdbc.sql(insert).params(household, "OPEN", 1).update();
        Assertions.assertThatThrownBy(() -> jdbc.sql(insert).params(household, "OPEN", 1).update())
                .isInstanceOf(DuplicateKeyException.class);
        // closed tasks (open_flag NULL) never collide: history of the same code is kept
        jdbc.sql(insert).params(household, "CLOSED", null).update();
        jdbc.sql(insert).params(household, "RESOLVED", null).update();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_task WHERE household_id = ?").param(household)
                .query(Long.class).single()).isEqualTo(3);
    }

    private long openTasks(long householdId) {
        return jdbc.sql("SELECT COUNT(*) FROM monitoring_task WHERE household_id = ? AND open_flag = 1")
                .param(householdId).query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> monitoringFindings(Map<String, Object> assessment) {
        return ((List<Map<String, Object>>) assessment.get("findings")).stream()
                .filter(f -> "monitoring".equals(f.get("tableId"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    private static long id(Map<String, Object> body) {
        return TestTownship.id(body);
    }
}
