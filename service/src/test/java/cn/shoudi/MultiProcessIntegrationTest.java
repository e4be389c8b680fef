package cn.shoudi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances in JVMs of their own on the shared MySQL/MariaDB database: one killed abruptly with changes in flight and
 * restarted, and two running side by side. Needs a database several processes can share, so it runs when
 * SHOUDI_DB_URL points at MySQL or MariaDB (as in CI).
 */
@EnabledIfEnvironmentVariable(named = "SHOUDI_DB_URL", matches = "jdbc:mysql:.*")
class MultiProcessIntegrationTest {

    private static final List<String> COMMON = List.of("--shoudi.assessment.as-of=2021-12-31",
            "--spring.task.execution.pool.core-size=1", "--spring.task.execution.pool.max-size=1");

    private final JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(System.getenv("SHOUDI_DB_URL"),
            System.getenv("SHOUDI_DB_USER"), System.getenv("SHOUDI_DB_PASSWORD")));

    private long backlog() {
        return jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE completion_date IS NULL").query(Long.class)
                .single();
    }

    private void awaitNoBacklog() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> backlog() == 0);
    }

    private List<Long> createHouseholds(List<ApiClient> apis, TestTownship town, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> created = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ApiClient api = apis.get(i % apis.size());
                int income = i % 2 == 0 ? 11000 : 30000;
                String no = "K" + System.nanoTime() + "-" + i;
                created.add(pool.submit(() -> TestTownship.id(api.post("/api/households", town.household(no, income)))));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : created) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    /** Every household's latest assessment is of its latest data version; open tasks match findings, none doubled. */
    private void assertConsistent(List<Long> households) {
        for (long id : households) {
            long version = jdbc.sql("SELECT version FROM registry_household WHERE id = ?").param(id).query(Long.class)
                    .single();
            Long assessed = jdbc.sql("SELECT household_version FROM assessment WHERE household_id = ? ORDER BY id DESC"
                    + " LIMIT 1").param(id).query(Long.class).optional().orElse(null);
            assertThat(assessed).as("latest assessment of household " + id).isEqualTo(version);
            List<String> wanted = jdbc.sql("SELECT DISTINCT f.outputs FROM assessment_finding f WHERE f.assessment_id ="
                    + " (SELECT MAX(id) FROM assessment WHERE household_id = ?) AND f.outputs LIKE '%task_code%'")
                    .param(id).query(String.class).list();
            List<String> open = jdbc.sql("SELECT task_code FROM monitoring_task WHERE household_id = ? AND open_flag = 1")
                    .param(id).query(String.class).list();
            assertThat(open).as("open tasks of household " + id).doesNotHaveDuplicates().hasSize(wanted.size());
        }
    }

    @Test
    void anInstanceKilledWithChangesInFlightFinishesThemAfterRestart() throws Exception {
        List<Long> households;
        try (ChildApplication first = ChildApplication.start("killed", COMMON)) {
            ApiClient api = new ApiClient(first.port(), jdbc);
            TestTownship town = new TestTownship(api);
            households = createHouseholds(List.of(api), town, 60);
            first.kill();
        }
        assertThat(backlog()).as("changes were still in flight when the instance died").isPositive();

        try (ChildApplication restarted = ChildApplication.start("restarted", COMMON)) {
            awaitNoBacklog();
            assertConsistent(households);
        }
    }

    @Test
    void twoInstancesProcessConcurrentChangesWithoutDoublesOrLossAndEscalateEachTaskOnce() throws Exception {
        List<String> props = new ArrayList<>(COMMON);
        props.addAll(List.of("--shoudi.monitoring.escalation-interval=PT1S",
                "--shoudi.monitoring.escalation-initial-delay=PT1S"));
        try (ChildApplication a = ChildApplication.start("instance-a", props);
             ChildApplication b = ChildApplication.start("instance-b", props)) {
            ApiClient apiA = new ApiClient(a.port(), jdbc);
            ApiClient apiB = new ApiClient(b.port(), jdbc);
            TestTownship town = new TestTownship(apiA);
            List<Long> households = createHouseholds(List.of(apiA, apiB), town, 60);
            // a second wave of changes to the same households, through the other instance
            for (int i = 0; i < households.size(); i++) {
                ApiClient api = i % 2 == 0 ? apiB : apiA;
                long id = households.get(i);
                Map<String, Object> current = api.get("/api/households/" + id);
                Map<String, Object> change = town.household((String) current.get("householdNo"), 11500);
                change.put("version", current.get("version"));
                api.put("/api/households/" + id, change);
            }
            awaitNoBacklog();
            assertConsistent(households);

            String ours = String.join(",", households.stream().map(String::valueOf).toList());
            int overdue = jdbc.sql("UPDATE monitoring_task SET due_date = ? WHERE open_flag = 1 AND household_id IN ("
                            + String.join(",", households.stream().map(String::valueOf).toList()) + ")")
                    .param(LocalDate.now(ZoneOffset.UTC).minusDays(1)).update();
            assertThat(overdue).isPositive();
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM monitoring_task WHERE"
                    + " escalation_count > 0 AND household_id IN (" + ours + ")").query(Long.class).single() == overdue);
            Thread.sleep(3000); // both escalators run again: nothing may escalate twice
            assertThat(jdbc.sql("SELECT MAX(escalation_count) FROM monitoring_task WHERE household_id IN ("
                    + String.join(",", households.stream().map(String::valueOf).toList()) + ")")
                    .query(Integer.class).single()).isEqualTo(1);
        }
    }
}
