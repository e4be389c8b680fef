package cn.shoudi.intake;

import cn.shoudi.ApiClient;
import cn.shoudi.BackgroundRuns;
import cn.shoudi.ChildApplication;
import cn.shoudi.RunLease;
import cn.shoudi.TestCleanup;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Background runs live in the database, across instances: a simulation started on another instance (a JVM of its own
 * on the same database) is followed here; an import whose instance is killed in the middle of its writes is taken over
 * here and finishes once, with the report an undisturbed import gives; a simulation whose owner fell silent is started
 * over here; of instances racing for one stale run exactly one wins. Needs a database several processes share, so it
 * runs when SHOUDI_DB_URL points at MySQL or MariaDB (as in CI).
 */
@EnabledIfEnvironmentVariable(named = "SHOUDI_DB_URL", matches = "jdbc:mysql:.*")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.monitoring.escalation-initial-delay=PT1H", "shoudi.runs.stale-after=PT6S",
        "shoudi.runs.heartbeat-interval=PT1S", "shoudi.runs.takeover-interval=PT1S"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackgroundRunsIntegrationTest {

    private static final int HOUSEHOLDS = 1000;
    private static ChildApplication other;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BackgroundRuns runs;
    @Autowired
    IncompleteEventPublications outbox;

    ApiClient here;
    TestTownship town;
    String villageCode;

    @BeforeAll
    static void startAnotherInstance() throws Exception {
        other = ChildApplication.start("runs-other", List.of("--shoudi.assessment.as-of=2021-12-31",
                "--shoudi.monitoring.escalation-initial-delay=PT1H", "--shoudi.runs.stale-after=PT6S",
                "--shoudi.runs.heartbeat-interval=PT1S", "--shoudi.runs.takeover-interval=PT1S"));
    }

    @AfterAll
    static void stopAnotherInstance() throws Exception {
        other.close();
    }

    @BeforeEach
    void setUp() {
        here = new ApiClient(port, jdbc);
        town = new TestTownship(here);
        villageCode = town.villageCode;
    }

    @Test
    @Order(1)
    void aSimulationStartedOnAnotherInstanceIsFollowedHereAndReportsWhatASimulationInTheForegroundReports() {
        ApiClient policyHere = here.asRole("POLICY", "runs-policy");
        ApiClient policyThere = new ApiClient(other.port(), jdbc).asRole("POLICY", "runs-policy");
        long version = publishedVersion(policyHere);
        String prefix = "S" + (System.nanoTime() % 100_000_000L);
        for (int i = 0; i < 3; i++) {
            here.post("/api/households", town.household(prefix + i, 11000 + 10000 * i));
        }

        Map<String, Object> started = policyThere.http().post().uri("/api/policy/versions/" + version + "/simulations")
                .retrieve().body(Map.class);
        String id = (String) started.get("id");
        assertThat(policyHere.get("/api/policy/simulations/" + id)).containsEntry("versionId", (int) version);
        Map<String, Object> done = awaitFinished(policyHere, "/api/policy/simulations/" + id);

        assertThat(done).containsEntry("status", "DONE");
        assertThat(done.get("done")).isEqualTo(done.get("total"));
        assertThat(row(id).owner()).as("it ran on the other instance").isNotEqualTo(runs.instance());
        Map<String, Object> foreground = policyHere.http().post().uri("/api/policy/versions/" + version + "/simulate")
                .retrieve().body(Map.class);
        assertThat((Integer) foreground.get("households")).isPositive();
        assertThat(done.get("report")).isEqualTo(foreground);
        here.awaitOutboxDrained();
        TestCleanup.deleteHouseholds(jdbc, "household_no LIKE ?", prefix + "%");
    }

    @Test
    @Order(2)
    void anImportWhoseInstanceIsKilledMidWriteIsTakenOverAndFinishesOnceWithTheReportOfAnUndisturbedImport()
            throws Exception {
        String prefix = "R" + (System.nanoTime() % 100_000_000L);
        ApiClient there = new ApiClient(other.port(), jdbc);
        Map<String, Object> accepted = there.upload("/api/imports/households/async", "township.csv",
                csv(prefix + "K"), "mode", "VALID_ONLY");
        String id = (String) accepted.get("id");

        // followed from this instance while the other one writes; killed with most households still to write
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Map<String, Object> p = here.get("/api/imports/" + id);
            int done = ((Number) p.get("done")).intValue();
            return done > HOUSEHOLDS + 20 || !"RUNNING".equals(p.get("status"));
        });
        Map<String, Object> beforeKill = here.get("/api/imports/" + id);
        Instant killedAt = Instant.now();
        other.kill();
        assertThat(beforeKill).containsEntry("status", "RUNNING").containsEntry("households", 2 * HOUSEHOLDS);
        assertThat(((Number) beforeKill.get("done")).intValue()).isLessThan(2 * HOUSEHOLDS);
        assertThat(households(prefix + "K")).as("some households written before the kill").isPositive()
                .isLessThan(HOUSEHOLDS);

        // this instance finds the run stale after 6 s; other contexts of the test JVM would wait 30 s
        Map<String, Object> finished = awaitFinished(here, "/api/imports/" + id);
        assertThat(finished).containsEntry("status", "DONE");
        StoredRun run = row(id);
        assertThat(run.owner()).isEqualTo(runs.instance());
        assertThat(run.attempts()).as("claimed once by this instance after the start").isEqualTo(2);
        assertThat(households(prefix + "K")).isEqualTo(HOUSEHOLDS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registry_member m JOIN registry_household h ON h.id = m.household_id"
                + " WHERE h.household_no LIKE ?").param(prefix + "K%").query(Long.class).single())
                .as("no member doubled").isEqualTo(2L * HOUSEHOLDS);

        Map<String, Object> undisturbed = here.upload("/api/imports/households", "township.csv", csv(prefix + "U"),
                "mode", "VALID_ONLY");
        assertThat(undisturbed).containsEntry("created", HOUSEHOLDS);
        assertThat(finished.get("report")).isEqualTo(undisturbed);

        // the killed instance's changes were still in its outbox; a restarted instance republishes them, here we do
        outbox.resubmitIncompletePublications(p -> p.getPublicationDate().isBefore(killedAt.plusSeconds(2)));
        here.awaitOutboxDrained();
        TestCleanup.deleteHouseholds(jdbc, "household_no LIKE ?", prefix + "%");
    }

    @Test
    @Order(3)
    void aSimulationWhoseOwnerFellSilentIsStartedOverHereAndFinishesWithTheForegroundReport() {
        ApiClient policy = here.asRole("POLICY", "runs-policy");
        long version = publishedVersion(policy);
        String id = UUID.randomUUID().toString();
        // stale for this instance (6 s), not yet for other contexts of the test JVM on the same database (30 s)
        Timestamp silentSince = Timestamp.from(Instant.now().minusSeconds(10));
        jdbc.sql("INSERT INTO background_run (id, kind, status, done, total, options, owner, heartbeat_at, attempts,"
                        + " started_at, updated_at) VALUES (?, 'SIMULATION', 'RUNNING', 0, 1, ?, 'silent-instance', ?, 1,"
                        + " ?, ?)")
                .params(id, "{\"versionId\":" + version + ",\"user\":\"t-runs-policy\"}", silentSince, silentSince,
                        silentSince)
                .update();

        Map<String, Object> done = awaitFinished(policy, "/api/policy/simulations/" + id);

        assertThat(done).containsEntry("status", "DONE");
        assertThat(row(id).owner()).isEqualTo(runs.instance());
        assertThat(row(id).attempts()).isEqualTo(2);
        Map<String, Object> foreground = policy.http().post().uri("/api/policy/versions/" + version + "/simulate")
                .retrieve().body(Map.class);
        assertThat(done.get("report")).isEqualTo(foreground);
    }

    @Test
    @Order(4)
    void ofEightInstancesRacingForOneStaleRunExactlyOneWinsAndALiveOwnerKeepsItsRun() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String id = staleRunOfAKindNoInstanceRuns();
                RunLease asRead = lease(id);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> claims = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String contender = "contender-" + i;
                    claims.add(pool.submit(() -> {
                        go.await();
                        return asRead.claim(jdbc, "background_run", id, "RUNNING", contender, Instant.now());
                    }));
                }
                go.countDown();
                int won = 0;
                for (Future<Boolean> c : claims) {
                    won += c.get() ? 1 : 0;
                }
                assertThat(won).as("winners of round " + round).isEqualTo(1);
                assertThat(lease(id).owner()).startsWith("contender-");
            }
        } finally {
            pool.shutdown();
        }

        String id = staleRunOfAKindNoInstanceRuns();
        RunLease asRead = lease(id);
        jdbc.sql("UPDATE background_run SET heartbeat_at = ? WHERE id = ?").params(Timestamp.from(Instant.now()), id)
                .update();
        assertThat(asRead.claim(jdbc, "background_run", id, "RUNNING", "late", Instant.now())).isFalse();
        assertThat(lease(id).owner()).isEqualTo("slow-instance");
        jdbc.sql("DELETE FROM background_run WHERE kind = 'RACE'").update();
    }

    /** A run's owner and claims, as stored. */
    private record StoredRun(String owner, int attempts) {
    }

    private StoredRun row(String id) {
        return jdbc.sql("SELECT owner, attempts FROM background_run WHERE id = ?").param(id)
                .query((rs, n) -> new StoredRun(rs.getString(1), rs.getInt(2))).single();
    }

    private RunLease lease(String id) {
        return jdbc.sql("SELECT owner, heartbeat_at FROM background_run WHERE id = ?").param(id)
                .query((rs, n) -> new RunLease(rs.getString(1), rs.getTimestamp(2).toInstant())).single();
    }

    private String staleRunOfAKindNoInstanceRuns() {
        String id = UUID.randomUUID().toString();
        Timestamp longAgo = Timestamp.from(Instant.now().minusSeconds(60));
        jdbc.sql("INSERT INTO background_run (id, kind, status, done, total, options, owner, heartbeat_at, attempts,"
                        + " started_at, updated_at) VALUES (?, 'RACE', 'RUNNING', 0, 0, '{}', 'slow-instance', ?, 1, ?, ?)")
                .params(id, longAgo, longAgo, longAgo).update();
        return id;
    }

    private static long publishedVersion(ApiClient policy) {
        return policy.getList("/api/policy/versions").stream().filter(v -> "PUBLISHED".equals(v.get("status")))
                .mapToLong(v -> ((Number) v.get("id")).longValue()).findFirst().orElseThrow();
    }

    private static Map<String, Object> awaitFinished(ApiClient api, String path) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> !"RUNNING".equals(api.get(path).get("status")));
        return api.get(path);
    }

    private long households(String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM registry_household WHERE household_no LIKE ?").param(prefix + "%")
                .query(Long.class).single();
    }

    /** Households of two adults each, numbered {@code <prefix><n>}. */
    private byte[] csv(String prefix) {
        StringBuilder csv = new StringBuilder(String.join(",", HouseholdImportIntegrationTest.HEADERS)).append("\n");
        for (int h = 0; h < HOUSEHOLDS; h++) {
            for (int m = 0; m < 2; m++) {
                csv.append(String.join(",", prefix + h, villageCode, "1组", "一般农户", String.valueOf(30000 + h), "0",
                        String.valueOf(30000 + h), "", "是", "否", "A", "", "成员" + m, "", m == 0 ? "男" : "女",
                        "1970-01-0" + (m + 1), m == 0 ? "户主" : "配偶", "健康", "非在校", "是", "普通劳动力"))
                        .append("\n");
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
