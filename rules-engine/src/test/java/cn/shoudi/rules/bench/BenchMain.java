package cn.shoudi.rules.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link EvaluationBenchmark} on one thread and on two and prints per-household times with the ratio of Drools
 * to the hand-written baseline measured in the same run. Arguments: [warm-up iterations] [measurement iterations].
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Map<Integer, Map<String, Result<?>>> byThreads = new LinkedHashMap<>();
        for (int threads : new int[] {1, 2}) {
            Options options = new OptionsBuilder()
                    .include(EvaluationBenchmark.class.getName() + "\\.")
                    .mode(Mode.SampleTime).timeUnit(TimeUnit.MICROSECONDS)
                    .warmupIterations(warmups).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(iterations).measurementTime(TimeValue.seconds(2))
                    .threads(threads).forks(1)
                    .jvmArgsAppend("-Duser.timezone=UTC", "-Dshoudi.tables.dir="
                            + System.getProperty("shoudi.tables.dir", "decision-tables"))
                    .build();
            Collection<RunResult> results = new Runner(options).run();
            Map<String, Result<?>> scores = new LinkedHashMap<>();
            for (RunResult r : results) {
                String name = r.getParams().getBenchmark();
                scores.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult());
            }
            byThreads.put(threads, scores);
        }
        System.out.println();
        System.out.println("Per-household evaluation of the full default policy (µs/op, JMH SampleTime)");
        System.out.printf("%-8s %-12s %10s %10s %10s%n", "threads", "variant", "mean", "p50", "p99");
        for (var e : byThreads.entrySet()) {
            for (var s : e.getValue().entrySet()) {
                var stats = s.getValue().getStatistics();
                System.out.printf("%-8d %-12s %10.2f %10.2f %10.2f%n", e.getKey(), s.getKey(), stats.getMean(),
                        stats.getPercentile(50), stats.getPercentile(99));
            }
            var drools = e.getValue().get("drools").getStatistics();
            var hand = e.getValue().get("handWritten").getStatistics();
            System.out.printf("%-8d %-12s %10.1f %10.1f %10.1f   (Drools ÷ hand-written, goal ≤ 10×)%n", e.getKey(),
                    "ratio", drools.getMean() / hand.getMean(), drools.getPercentile(50) / hand.getPercentile(50),
                    drools.getPercentile(99) / hand.getPercentile(99));
        }
    }
}
