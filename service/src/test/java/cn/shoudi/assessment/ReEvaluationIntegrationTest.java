package cn.shoudi.assessment;

import cn.shoudi.ApiClient;
import cn.shoudi.TestCleanup;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import cn.shoudi.TestIds;
import java.util.HashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Full re-evaluation: 10,000 generated households complete with progress reported on the way; a run left behind by a
 * dead instance resumes after its last checkpoint; a page read, evaluated and reconciled together gives each
 * household exactly what evaluating it alone gives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.monitoring.escalation-initial-delay=PT1H"})
class ReEvaluationIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate template;
    @Autowired
    ReEvaluation reEvaluation;
    @Autowired
    AssessmentService assessments;

    ApiClient api;
    TestTownship town;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port, jdbc);
        town = new TestTownship(api);
        api.awaitOutboxDrained();
    }

    private final List<long[]> inserted = new ArrayList<>();

    /** Removes the generated households and everything derived from them, so later tests see a small registry. */
    @AfterEach
    void removeGeneratedHouseholds() {
        api.awaitOutboxDrained();
        for (long[] range : inserted) {
            TestCleanup.deleteHouseholds(jdbc, "id > ? AND id <= ?", range[0], range[1]);
        }
        inserted.clear();
    }

    /** Inserts households straight into the registry (no events), ids first+1 … first+n. */
    private long insertHouseholds(int n) {
        long first = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM registry_household").query(Long.class).single() + 1000;
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> households = new ArrayList<>();
        List<Object[]> members = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            long id = first + i;
            int income = 9000 + (i % 40) * 1000;
            households.add(new Object[] {id, "G" + id, town.villageId, town.groupId, i % 3 == 0 ? "GENERAL" : "EXITED",
                    income, i % 7 == 0 ? 8000 : 0, income, i % 2 == 0 ? "因病" : "", false, false, 0, now, now});
            members.add(new Object[] {id, 0, "户主" + i, null, "男", Date.valueOf(LocalDate.of(1970, 1, 1)), "户主"});
            members.add(new Object[] {id, 1, "配偶" + i, null, "女", Date.valueOf(LocalDate.of(1972, 1, 1)), "配偶"});
        }
        template.batchUpdate("INSERT INTO registry_household (id, household_no, village_id, group_id, household_class,"
                + " net_income, rigid_expenditure, previous_year_net_income, risk_types, self_coping, guarantee_issue,"
                + " version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", households);
        template.batchUpdate("INSERT INTO registry_member (household_id, position, name, id_number, sex, birth_date,"
                + " relation) VALUES (?, ?, ?, ?, ?, ?, ?)", members);
        inserted.add(new long[] {first, first + n});
        return first;
    }

    private long assessedBetween(long fromExclusive, long toInclusive) {
        return jdbc.sql("SELECT COUNT(DISTINCT household_id) FROM assessment WHERE household_id > ? AND household_id <= ?")
                .params(fromExclusive, toInclusive).query(Long.class).single();
    }

    @Test
    void tenThousandHouseholdsAreReEvaluatedWithProgressReported() {
        long first = insertHouseholds(10_000);
        ApiClient policy = api.asRole("POLICY", "policy");
        Map<String, Object> started = policy.post("/api/assessment-runs", Map.of("reason", "测试：全量重新评估"));
        long run = ((Number) started.get("id")).longValue();
        assertThat(started).containsEntry("status", "RUNNING");

        AtomicBoolean sawProgress = new AtomicBoolean();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Map<String, Object> p = policy.get("/api/assessment-runs/" + run);
            int done = ((Number) p.get("done")).intValue();
            int total = ((Number) p.get("total")).intValue();
            if (done > 0 && done < total && p.get("etaSeconds") != null
                    && ((Number) p.get("ratePerSecond")).doubleValue() > 0) {
                sawProgress.set(true);
            }
            return "DONE".equals(p.get("status"));
        });
        Map<String, Object> done = policy.get("/api/assessment-runs/" + run);
        assertThat(sawProgress).as("progress (done < total, rate, ETA) was reported while running").isTrue();
        assertThat(done.get("done")).isEqualTo(done.get("total"));
        assertThat(done).containsEntry("failed", 0).containsEntry("etaSeconds", 0);
        assertThat(assessedBetween(first, first + 10_000)).isEqualTo(10_000);
        api.awaitOutboxDrained();
    }

    @Test
    void aRunLeftByADeadInstanceResumesAfterItsLastCheckpoint() {
        long first = insertHouseholds(300);
        long checkpoint = first + 150;
        long total = jdbc.sql("SELECT COUNT(*) FROM registry_household").query(Long.class).single();
        long before = jdbc.sql("SELECT COUNT(*) FROM registry_household WHERE id <= ?").param(checkpoint)
                .query(Long.class).single();
        Instant longAgo = Instant.now().minusSeconds(600);
        jdbc.sql("INSERT INTO assessment_run (reason, policy_version, status, total, done, changed, failed,"
                        + " last_household_id, owner, heartbeat_at, started_at, updated_at) VALUES"
                        + " ('崩溃前的运行', 'x', 'RUNNING', ?, ?, 0, 0, ?, 'dead-instance', ?, ?, ?)")
                .params(total, before, checkpoint, Timestamp.from(longAgo), Timestamp.from(longAgo),
                        Timestamp.from(longAgo)).update();
        long run = jdbc.sql("SELECT MAX(id) FROM assessment_run").query(Long.class).single();

        reEvaluation.resumeOrphans();

        await().atMost(Duration.ofMinutes(2)).until(() ->
                "DONE".equals(reEvaluation.find(run).orElseThrow().status()));
        AssessmentRunView view = reEvaluation.find(run).orElseThrow();
        assertThat((long) view.done()).isEqualTo(total);
        assertThat(assessedBetween(first, checkpoint)).as("before the checkpoint: not redone").isZero();
        assertThat(assessedBetween(checkpoint, first + 300)).as("after the checkpoint").isEqualTo(150);
        api.awaitOutboxDrained();
    }

    /** A 脱贫户 of two above the monitoring line, with the head's health and the house grade given. */
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

    private record Head(long assessmentId, String hash) {
    }

    private Head head(long household) {
        return jdbc.sql("SELECT assessment_id, inputs_hash FROM assessment_head WHERE household_id = ?")
                .param(household).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    /** Outcomes and finding codes of the household's latest assessment. */
    private String latest(long household) {
        Map<String, Object> a = api.getList("/api/households/" + household + "/assessments").get(0);
        return a.get("outcomes") + " " + ((List<Map<String, Object>>) a.get("findings")).stream()
                .map(f -> f.get("code") + "@" + f.get("row")).sorted().toList();
    }

    /** The household's tasks as "code type status assignee level finding due", ordered by code. */
    private List<String> tasks(long household) {
        return jdbc.sql("SELECT task_code, task_type, status, assignee_cadre_id, assignee_level, finding_code, due_date"
                        + " FROM monitoring_task WHERE household_id = ? ORDER BY task_code, id")
                .param(household)
                .query((rs, n) -> String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3),
                        String.valueOf(rs.getObject(4)), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    private void runToTheEnd() {
        long run = reEvaluation.start("测试：发布后的全量重新评估").id();
        await().atMost(Duration.ofMinutes(3)).until(() ->
                "DONE".equals(reEvaluation.find(run).orElseThrow().status()));
        assertThat(reEvaluation.find(run).orElseThrow().failed()).isZero();
        api.awaitOutboxDrained();
    }

    @Test
    void aPageGivesEachHouseholdExactlyWhatEvaluatingItAloneGives() {
        // each created through the API: evaluated alone after its change, its tasks opened household by household
        long ill = TestTownship.id(api.post("/api/households", household("P" + System.nanoTime(), "大病", "B")));
        long unsafe = TestTownship.id(api.post("/api/households", household("P" + System.nanoTime(), "健康", "D")));
        long resolved = TestTownship.id(api.post("/api/households", household("P" + System.nanoTime(), "健康", "D")));
        long plain = TestTownship.id(api.post("/api/households", household("P" + System.nanoTime(), "健康", "B")));
        List<Long> all = List.of(ill, unsafe, resolved, plain);
        api.awaitOutboxDrained();
        Map<Long, Head> heads = new HashMap<>();
        Map<Long, String> assessed = new HashMap<>();
        Map<Long, List<String>> opened = new HashMap<>();
        for (long h : all) {
            heads.put(h, head(h));
            assessed.put(h, latest(h));
            opened.put(h, tasks(h));
        }
        assertThat(opened.get(ill)).singleElement().asString().startsWith("AL-ILL 入户核实 OPEN " + town.helperId);
        assertThat(opened.get(unsafe)).singleElement().asString().startsWith("MON-VERIFY 入户核实 OPEN");
        assertThat(opened.get(plain)).isEmpty();
        long task = jdbc.sql("SELECT id FROM monitoring_task WHERE household_id = ?").param(resolved)
                .query(Long.class).single();
        ApiClient helper = api.asCadre(town.helperId);
        helper.post("/api/tasks/" + task + "/acknowledge", Map.of("cadreId", town.helperId));
        helper.post("/api/tasks/" + task + "/visits", Map.of("cadreId", town.helperId, "visitDate", "2021-12-30",
                "findings", "房屋已鉴定为D级", "measures", List.of("危房改造")));
        assertThat(helper.post("/api/tasks/" + task + "/resolve", Map.of("cadreId", town.helperId, "outcome",
                "纳入监测", "note", "已纳入"))).containsEntry("status", "RESOLVED");
        // the single path's tasks of two households are forgotten: the page must open them again, the same
        TestCleanup.deleteTasks(jdbc, ill, unsafe);

        // as after a publication: every latest assessment is of another version, so the run re-evaluates them all
        jdbc.sql("UPDATE assessment_head SET policy_version = 'before-publication'").update();
        runToTheEnd();

        for (long h : all) {
            Head now = head(h);
            assertThat(now.assessmentId()).as("household %d assessed again", h)
                    .isGreaterThan(heads.get(h).assessmentId());
            assertThat(now.hash()).as("household %d: the page read the same input", h)
                    .isEqualTo(heads.get(h).hash());
            assertThat(latest(h)).as("household %d: same outcomes and findings", h).isEqualTo(assessed.get(h));
            assertThat(assessments.assess(h)).as("household %d: alone, nothing new to store", h).isEmpty();
        }
        assertThat(tasks(ill)).as("opened again by the page, as the household alone opened it")
                .isEqualTo(opened.get(ill));
        assertThat(tasks(unsafe)).isEqualTo(opened.get(unsafe));
        assertThat(tasks(resolved)).as("resolved in this streak of findings: not raised again")
                .singleElement().asString().startsWith("MON-VERIFY 入户核实 RESOLVED");
        assertThat(tasks(plain)).isEmpty();
        assertThat(jdbc.sql("SELECT assessment_id FROM monitoring_task WHERE household_id = ?").param(ill)
                .query(Long.class).single()).as("the task follows the latest assessment").isEqualTo(head(ill)
                .assessmentId());

        // the next page run finds the open tasks again and changes nothing about them
        jdbc.sql("UPDATE assessment_head SET policy_version = 'before-publication'").update();
        runToTheEnd();
        assertThat(tasks(ill)).isEqualTo(opened.get(ill));
        assertThat(tasks(unsafe)).isEqualTo(opened.get(unsafe));
    }

    @Test
    void aPageDoesNotWriteOverAHouseholdAssessedSinceThePageReadIt() throws Exception {
        String no = "R" + System.nanoTime();
        long id = TestTownship.id(api.post("/api/households", household(no, "健康", "B")));
        api.awaitOutboxDrained();
        jdbc.sql("UPDATE assessment_head SET policy_version = 'before-publication' WHERE household_id = ?")
                .param(id).update();
        ExecutorService workers = Executors.newSingleThreadExecutor();
        AssessmentService.EvaluatedPage page;
        try {
            page = assessments.evaluatePage(List.of(id), workers);
        } finally {
            workers.shutdown();
        }
        assertThat(page.records()).as("read and evaluated from the healthy data").hasSize(1);

        // meanwhile the head falls seriously ill; the change is evaluated at once, household alone
        Map<String, Object> ill = household(no, "大病", "B");
        ill.put("version", api.get("/api/households/" + id).get("version"));
        api.put("/api/households/" + id, ill);
        api.awaitOutboxDrained();
        Head changed = head(id);
        assertThat(latest(id)).contains("AL-ILL");

        assertThat(assessments.writePage(page).changed()).as("the page's older reading is dropped").isZero();
        assertThat(head(id)).isEqualTo(changed);
        assertThat(latest(id)).contains("AL-ILL");
    }
}
