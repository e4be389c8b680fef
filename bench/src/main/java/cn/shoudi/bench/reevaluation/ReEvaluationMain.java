package cn.shoudi.bench.reevaluation;

import cn.shoudi.assessment.AssessmentRunView;
import cn.shoudi.assessment.ReEvaluation;
import cn.shoudi.bench.HeapWatch;
import cn.shoudi.bench.ServiceBoot;
import cn.shoudi.demo.TownshipGenerator;
import cn.shoudi.registry.TownshipLoader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Figure 3: the service's own full re-evaluation ({@link ReEvaluation#start}) end to end on MariaDB, for growing
 * numbers of households, each beside the same run with the do-nothing evaluator ({@code shoudi.assessment.evaluator=
 * noop}, the I/O floor: reading, hashing, writing assessments and events, no Drools). Households are copies of the
 * demo township (3,389 households each, {@link TownshipGenerator}), loaded into the database {@code -Dbench.db.name}
 * (default {@code shoudi_bench}, recreated empty at the start, as each run evaluates every stored household) before
 * the runs of each size. Before each run every household's
 * latest assessment is marked as of another policy version (as a publication does), so that every household is
 * evaluated and written. Only the run is timed, from start to its last page ("run") and until the outbox has
 * delivered every event it raised to monitoring ("drained"). Arguments: household counts, each rounded up to whole
 * townships; the default {@code 50000 100000 200000} is the county-scale check (about 5 minutes on 2 cores).
 * Goals: 200k ≤ 60 s, ≤ 1.5× the floor; time linear, heap flat.
 */
public final class ReEvaluationMain {

    record Row(int households, String evaluator, double runSeconds, double drainedSeconds, double evaluationSeconds,
               double heapBeforeMb, double heapPeakMb, int collections, long statements, double cpuSeconds) {
        double perSecond() {
            return households / runSeconds;
        }
    }

    private static final int TOWNSHIP = 3389;

    private ReEvaluationMain() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> scales = new ArrayList<>();
        for (String a : args) {
            scales.add(Integer.parseInt(a));
        }
        if (scales.isEmpty()) {
            scales = List.of(50_000, 100_000, 200_000);
        }
        String db = System.getProperty("bench.db.name", "shoudi_bench");
        // every run evaluates all stored households, so the growth check starts from an empty database
        ServiceBoot.sql(db, "DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
        Set<String> usedIds = new HashSet<>();
        int[] nextCopy = {0};
        List<Row> rows = new ArrayList<>();
        for (int scale : scales) {
            for (String evaluator : List.of("policy", "noop")) {
                try (ConfigurableApplicationContext ctx = ServiceBoot.boot(db, evaluator)) {
                    int households = load(ctx, scale, usedIds, nextCopy);
                    Row row = measure(ctx, households, evaluator);
                    rows.add(row);
                    System.out.printf("%,d households, %s: %.1f s run, %.1f s drained%n", households, evaluator,
                            row.runSeconds(), row.drainedSeconds());
                }
            }
        }
        print(rows);
    }

    /** Loads township copies until at least {@code scale} households are stored; returns the count stored. */
    private static int load(ConfigurableApplicationContext ctx, int scale, Set<String> usedIds, int[] nextCopy) {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        TownshipLoader loader = ctx.getBean(TownshipLoader.class);
        int copies = (scale + TOWNSHIP - 1) / TOWNSHIP;
        long started = System.nanoTime();
        int loaded = 0;
        for (; nextCopy[0] < copies; nextCopy[0]++) {
            TownshipLoader.Result r = loader.load(
                    new TownshipGenerator(TownshipGenerator.SEED, nextCopy[0], usedIds).generate());
            loaded += r.households();
        }
        int count = jdbc.sql("SELECT COUNT(*) FROM registry_household").query(Integer.class).single();
        if (loaded > 0) {
            System.out.printf("loaded %,d households in %.1f s (%,d stored)%n", loaded,
                    (System.nanoTime() - started) / 1e9, count);
        }
        return count;
    }

    private static Row measure(ConfigurableApplicationContext ctx, int households, String evaluator)
            throws InterruptedException {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        ReEvaluation reEvaluation = ctx.getBean(ReEvaluation.class);
        Timer evaluations = ctx.getBean(MeterRegistry.class).timer("shoudi.evaluations");
        jdbc.sql("INSERT IGNORE INTO assessment_head (household_id, assessment_id, policy_version, inputs_hash, as_of) "
                + "SELECT id, 0, '', '', '1970-01-01' FROM registry_household").update();
        jdbc.sql("UPDATE assessment_head SET policy_version = 'bench-previous'").update();
        jdbc.sql("DELETE FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NOT NULL").update();
        double heapBefore = ServiceBoot.heapAfterFullGcMb();
        double evaluatedBefore = evaluations.totalTime(TimeUnit.NANOSECONDS);
        long statementsBefore = statements(jdbc);
        double cpuBefore = processCpuSeconds();
        try (HeapWatch heap = new HeapWatch()) {
            long started = System.nanoTime();
            AssessmentRunView run = reEvaluation.start("benchmark " + evaluator);
            while (!"DONE".equals(run.status())) {
                Thread.sleep(50);
                run = reEvaluation.find(run.id()).orElseThrow();
            }
            double runSeconds = (System.nanoTime() - started) / 1e9;
            if (run.done() != households || run.failed() > 0) {
                throw new IllegalStateException("run " + run.id() + " evaluated " + run.done() + " of " + households
                        + " households, " + run.failed() + " failed");
            }
            while (jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL")
                    .query(Long.class).single() > 0) {
                Thread.sleep(50);
            }
            double drainedSeconds = (System.nanoTime() - started) / 1e9;
            return new Row(households, evaluator, runSeconds, drainedSeconds,
                    (evaluations.totalTime(TimeUnit.NANOSECONDS) - evaluatedBefore) / 1e9, heapBefore,
                    heap.peakAfterGcMb(), heap.collections(), statements(jdbc) - statementsBefore,
                    processCpuSeconds() - cpuBefore);
        }
    }

    /** CPU time this JVM has used, all threads. */
    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** Statements the server has run since it started (all sessions; the benchmark is alone on its server). */
    private static long statements(JdbcClient jdbc) {
        return jdbc.sql("SHOW GLOBAL STATUS LIKE 'Questions'").query((rs, n) -> rs.getLong(2)).single();
    }

    private static void print(List<Row> rows) {
        System.out.println();
        System.out.println("Figure 3: full re-evaluation end to end on MariaDB ("
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / 1048576 + " MB)");
        System.out.printf("%-10s %-9s %9s %8s %10s %10s %9s %10s %10s %5s %8s %9s %8s %8s%n", "households", "evaluator",
                "run s", "hh/s", "drained s", "eval s", "heap0 MB", "peak MB", "µs/hh run", "GCs", "SQL/hh", "JVM cpu s",
                "÷ floor", "÷ first");
        Row first = rows.get(0);
        for (Row r : rows) {
            Row floor = rows.stream().filter(f -> f.households() == r.households() && "noop".equals(f.evaluator()))
                    .findFirst().orElse(r);
            Row base = rows.stream().filter(f -> f.households() == first.households()
                    && f.evaluator().equals(r.evaluator())).findFirst().orElse(r);
            double perHhNow = r.runSeconds() / r.households();
            double perHhBase = base.runSeconds() / base.households();
            System.out.printf("%,10d %-9s %9.1f %,8.0f %10.1f %10.1f %9.0f %10.0f %10.1f %5d %8.2f %9.1f %7.2f× %7.2f×%n",
                    r.households(), r.evaluator(), r.runSeconds(), r.perSecond(), r.drainedSeconds(),
                    r.evaluationSeconds(), r.heapBeforeMb(), r.heapPeakMb(), perHhNow * 1e6, r.collections(),
                    (double) r.statements() / r.households(), r.cpuSeconds(),
                    r.runSeconds() / floor.runSeconds(), perHhNow / perHhBase);
        }
        System.out.println("run s: start to last page written; drained s: until the outbox has delivered every event "
                + "to monitoring; eval s: time inside evaluation summed over the worker threads (wall time, inflated "
                + "when the cores are shared); heap0: in use after a full GC before the run; peak: the most in use "
                + "right after any collection during the run; SQL/hh: statements the "
                + "server ran until drained, per household; JVM cpu s: CPU time of the service's JVM (all threads) until "
                + "drained, the rest of the machine's cores × drained s being mostly the database server; "
                + "÷ floor: run time ÷ the noop run of the same size (goal ≤ 1.5×); ÷ first: time per household ÷ the "
                + "same evaluator at the smallest size (linear growth: ≤ 1.0×). Goal: 200k ≤ 60 s. heap0 includes the "
                + "benchmark's own set of generated ID numbers (about 0.7 KB per household loaded).");
    }
}
