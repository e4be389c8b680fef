package cn.shoudi.bench.cluster;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service instances (processes of the executable jar), each on another node of a three-node MariaDB Galera
 * cluster, under a mixed load through REST with a full re-evaluation and a policy publication midway, escalation every
 * second; then one database node killed with SIGKILL and restarted (it rejoins by incremental state transfer), then
 * one instance killed and restarted, the load going on throughout. Afterwards nothing is lost or doubled, and the
 * restarted node holds the same data as the others. A second test runs the fault-free phase of the same load on one
 * plain MariaDB server, and the two throughputs are printed side by side.
 */
@Tag("galera")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraClusterTest {

    private static final String DB = "shoudi";
    private static final Path LOGS = Path.of("target", "galera");
    private static final int HOUSEHOLDS = 120;
    private static final int BUSY = 80;
    private static final int WORKERS = 4;
    private static final Duration CALM = Duration.ofSeconds(30);
    private static final Map<String, String> SERVICE = Map.ofEntries(
            Map.entry("shoudi.monitoring.escalation-interval", "PT1S"),
            Map.entry("shoudi.monitoring.escalation-initial-delay", "PT1S"),
            Map.entry("shoudi.policy.versions.allow-self-approval", "true"),
            Map.entry("shoudi.outbox.resubmit-after", "PT5S"),
            Map.entry("shoudi.outbox.resubmit-interval", "PT5S"),
            Map.entry("spring.modulith.events.staleness.check-intervall", "PT5S"),
            Map.entry("spring.modulith.events.staleness.published", "PT30S"),
            Map.entry("spring.modulith.events.staleness.processing", "PT30S"),
            Map.entry("spring.modulith.events.staleness.resubmission", "PT30S"),
            Map.entry("spring.datasource.hikari.connection-timeout", "5000"));

    private static final Map<String, MixedLoad.Phase> FIGURES = new LinkedHashMap<>();

    @Test
    @Order(1)
    void twoInstancesOnThreeNodesLoseAndDoubleNothingWhenANodeAndAnInstanceAreKilled() throws Exception {
        try (GaleraCluster cluster = GaleraCluster.start()) {
            cluster.sql(1, "CREATE DATABASE " + DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            ServiceProcess a = new ServiceProcess("cluster-a", cluster.url(1, DB), SERVICE, LOGS);
            ServiceProcess b = new ServiceProcess("cluster-b", cluster.url(2, DB), SERVICE, LOGS);
            try (a; b) {
                // Flyway's MySQL lock is GET_LOCK, local to a node: one instance migrates before the other starts
                a.start();
                b.start();
                Township town = Township.register(a, HOUSEHOLDS);
                List<Long> busy = town.households().subList(0, BUSY);
                List<Long> quiet = town.households().subList(BUSY, HOUSEHOLDS);
                MixedLoad load = new MixedLoad(List.of(town, town.on(b)), busy, WORKERS);
                List<Long> overdue = new ArrayList<>();
                try (Connection node3 = cluster.connect(3, DB)) {
                    Checks.awaitIdle(node3, Duration.ofMinutes(2));
                    assertThat(Checks.tablesWithoutPrimaryKey(node3, DB)).as("Galera needs a primary key").isEmpty();

                    overdue.addAll(markOverdue(node3, quiet.subList(0, 10)));
                    FIGURES.put("cluster", calmPhase(load, "cluster: 3 nodes, 2 instances", town, b));

                    CompletableFuture<MixedLoad.Phase> nodeDown = phase(load, "cluster: node 1 killed, rejoined",
                            Duration.ofSeconds(25));
                    TimeUnit.SECONDS.sleep(5);
                    cluster.kill(1);
                    overdue.addAll(markOverdue(node3, quiet.subList(10, 20)));
                    TimeUnit.SECONDS.sleep(5);
                    long rejoin = System.nanoTime();
                    cluster.restart(1);
                    System.out.printf("node 1 rejoined in %.1f s%n", (System.nanoTime() - rejoin) / 1e9);
                    FIGURES.put("node down", nodeDown.get());

                    CompletableFuture<MixedLoad.Phase> instanceDown = phase(load, "cluster: instance B killed, "
                            + "restarted", Duration.ofSeconds(25));
                    TimeUnit.SECONDS.sleep(3);
                    b.kill();
                    overdue.addAll(markOverdue(node3, quiet.subList(20, 30)));
                    b.start();
                    FIGURES.put("instance down", instanceDown.get());
                    assertThat(overdue).as("tasks made overdue").isNotEmpty();

                    Checks.awaitIdle(node3, Duration.ofMinutes(3));
                    syncWait(node3);
                    SoftAssertions soft = new SoftAssertions();
                    soft.assertThat(FIGURES.get("cluster").accepted(MixedLoad.Op.EDIT)).as("edits accepted")
                            .isPositive();
                    soft.assertThat(FIGURES.get("cluster").accepted(MixedLoad.Op.TASK)).as("task actions accepted")
                            .isPositive();
                    assessmentsAndTasksFollowTheData(soft, node3, town);
                    soft.assertThat(Checks.escalations(node3, overdue)).as("escalations (counter/history) per task")
                            .isNotEmpty().allSatisfy((task, count) -> assertThat(count).isEqualTo("1/1"));
                    // nothing writes while the nodes are compared
                    a.close();
                    b.close();
                    Map<Integer, Map<String, String>> nodes = new LinkedHashMap<>();
                    for (int n = 1; n <= GaleraCluster.NODES; n++) {
                        try (Connection c = cluster.connect(n, DB)) {
                            syncWait(c);
                            nodes.put(n, Checks.fingerprints(c, DB));
                        }
                    }
                    soft.assertThat(nodes.get(1)).as("tables of node 1").isNotEmpty();
                    soft.assertThat(nodes.get(1)).as("the restarted node 1 against node 2").isEqualTo(nodes.get(2));
                    soft.assertThat(nodes.get(3)).as("node 3 against node 2").isEqualTo(nodes.get(2));
                    soft.assertAll();
                }
            }
        }
    }

    @Test
    @Order(2)
    void theSameLoadOnOnePlainServerGivesTheBaseline() throws Exception {
        try (GaleraCluster single = GaleraCluster.standalone()) {
            single.sql(1, "CREATE DATABASE " + DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            try (ServiceProcess a = new ServiceProcess("single-a", single.url(1, DB), SERVICE, LOGS);
                 ServiceProcess b = new ServiceProcess("single-b", single.url(1, DB), SERVICE, LOGS)) {
                a.start();
                b.start();
                Township town = Township.register(a, HOUSEHOLDS);
                MixedLoad load = new MixedLoad(List.of(town, town.on(b)), town.households().subList(0, BUSY),
                        WORKERS);
                try (Connection c = single.connect(1, DB)) {
                    Checks.awaitIdle(c, Duration.ofMinutes(2));
                    FIGURES.put("single", calmPhase(load, "one server, 2 instances", town, b));
                    Checks.awaitIdle(c, Duration.ofMinutes(3));
                    SoftAssertions soft = new SoftAssertions();
                    soft.assertThat(FIGURES.get("single").accepted(MixedLoad.Op.EDIT)).as("edits accepted")
                            .isPositive();
                    assessmentsAndTasksFollowTheData(soft, c, town);
                    soft.assertAll();
                }
            }
        }
    }

    @AfterAll
    static void printFigures() {
        System.out.println();
        System.out.printf("Galera figure: the same mixed REST load (%d clients over 2 instances, a signal batch every 3 s), "
                + "%d cores, everything under nice 19%n", WORKERS, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-38s %7s %8s %8s %8s %8s %8s %8s %7s%n", "phase", "seconds", "accepted", "per s",
                "edits", "tasks", "reads", "409", "failed");
        FIGURES.values().forEach(p -> System.out.printf("%-38s %7.1f %8d %8.1f %8d %8d %8d %8d %7d%n", p.name(),
                p.seconds(), p.accepted(), p.perSecond(), p.accepted(MixedLoad.Op.EDIT),
                p.accepted(MixedLoad.Op.TASK), p.accepted(MixedLoad.Op.READ), p.conflicts(), p.failed()));
        if (FIGURES.containsKey("cluster") && FIGURES.containsKey("single")) {
            System.out.printf("cluster ÷ one server (fault-free phase): %.2f%n",
                    FIGURES.get("cluster").perSecond() / FIGURES.get("single").perSecond());
        }
    }

    /**
     * The fault-free phase: the load, with a full re-evaluation started through instance A after 8 s and the shipped
     * tables published again through instance B after 16 s.
     */
    private static MixedLoad.Phase calmPhase(MixedLoad load, String name, Township town, ServiceProcess b)
            throws Exception {
        CompletableFuture<MixedLoad.Phase> calm = phase(load, name, CALM);
        TimeUnit.SECONDS.sleep(8);
        town.policy().post("/api/assessment-runs", "{\"reason\":\"全量重新评估（集群测试）\"}")
                .expectOk("full re-evaluation");
        TimeUnit.SECONDS.sleep(8);
        publishShippedTables(town.on(b));
        return calm.get();
    }

    /**
     * Every household's latest assessment is what its current data gives, the head is its newest assessment under
     * the published policy, and its open tasks are exactly its latest findings' task codes.
     */
    private static void assessmentsAndTasksFollowTheData(SoftAssertions soft, Connection c, Township town)
            throws SQLException {
        soft.assertThat(Freshness.stale(town.officer(), town.households()))
                .as("latest assessment against the current data").isEmpty();
        soft.assertThat(Checks.headsNotNewestUnderPublishedPolicy(c)).as("assessment heads").isEmpty();
        soft.assertThat(Checks.count(c, "SELECT COUNT(*) FROM monitoring_task WHERE open_flag = 1"))
                .as("open tasks").isPositive();
        soft.assertThat(Checks.tasksNotMatchingFindings(c)).as("open tasks against findings").isEmpty();
    }

    private static CompletableFuture<MixedLoad.Phase> phase(MixedLoad load, String name, Duration length) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return load.run(name, length);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** Uploads the shipped tables as a new version, approves and publishes it (which starts a re-evaluation). */
    private static void publishShippedTables(Township town) throws IOException {
        List<Path> tables;
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("shoudi.tables.dir", "../decision-tables")))) {
            tables = files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList();
        }
        long version = town.policy().postFiles("/api/policy/versions", tables).expectOk("policy upload")
                .get("id").asLong();
        town.policy().post("/api/policy/versions/" + version + "/approve", "{}").expectOk("approval");
        town.policy().post("/api/policy/versions/" + version + "/publish", "{}").expectOk("publication");
    }

    /** Makes the open tasks of these households overdue (due long ago); returns their ids. */
    private static List<Long> markOverdue(Connection c, List<Long> households) throws SQLException {
        String ids = String.join(",", households.stream().map(String::valueOf).toList());
        List<Long> tasks = Checks.rows(c, "SELECT id FROM monitoring_task WHERE open_flag = 1 AND household_id IN ("
                + ids + ")").stream().map(Long::valueOf).toList();
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE monitoring_task SET due_date = '2000-01-01', version = version + 1 "
                    + "WHERE open_flag = 1 AND household_id IN (" + ids + ")");
        }
        return tasks;
    }

    /** Makes this connection's reads wait until the node has applied every write the cluster committed before. */
    private static void syncWait(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION wsrep_sync_wait = 1");
        }
    }
}
