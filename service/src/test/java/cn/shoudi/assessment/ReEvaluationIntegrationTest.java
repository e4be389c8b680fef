package cn.shoudi.assessment;

import cn.shoudi.ApiClient;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Full re-evaluation: 10,000 generated households complete with progress reported on the way; a run left behind by a
 * dead instance resumes after its last checkpoint.
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
    @org.junit.jupiter.api.AfterEach
    void removeGeneratedHouseholds() {
        api.awaitOutboxDrained();
        for (long[] range : inserted) {
            cn.shoudi.TestCleanup.deleteHouseholds(jdbc, "id > ? AND id <= ?", range[0], range[1]);
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
}
