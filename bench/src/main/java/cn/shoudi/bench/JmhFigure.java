package cn.shoudi.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the benchmarks of one JMH class on one thread and on all cores (two here), each in its own forked JVM, and
 * prints per-household times (µs, JMH SampleTime) with the ratio of a subject to its baseline measured in the same
 * run. Arguments of a figure's main: [warm-up iterations] [measurement iterations] [JMH profiler, e.g. stack or
 * stack:lines=20 for deeper stacks].
 */
public final class JmhFigure {

    private final Class<?> benchmark;
    private final int warmups;
    private final int iterations;
    private final String profiler;

    public JmhFigure(Class<?> benchmark, String[] args) {
        this.benchmark = benchmark;
        this.warmups = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        this.iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        this.profiler = args.length > 2 ? args[2] : null;
    }

    /** Statistics per thread count and benchmark method name. */
    public Map<Integer, Map<String, Statistics>> run() throws RunnerException {
        int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
        Map<Integer, Map<String, Statistics>> byThreads = new LinkedHashMap<>();
        for (int threads : new int[] {1, cores}) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(benchmark.getName() + "\\.")
                    .mode(Mode.SampleTime).timeUnit(TimeUnit.MICROSECONDS)
                    .warmupIterations(warmups).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(iterations).measurementTime(TimeValue.seconds(2))
                    .threads(threads).forks(1)
                    .jvmArgsAppend("-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                            "-D" + Tables.DIR_PROPERTY + "=" + Tables.dir());
            if (profiler != null) {
                int colon = profiler.indexOf(':');
                if (colon < 0) {
                    options.addProfiler(profiler);
                } else {
                    options.addProfiler(profiler.substring(0, colon), profiler.substring(colon + 1));
                }
            }
            Map<String, Statistics> scores = new LinkedHashMap<>();
            for (RunResult r : new Runner(options.build()).run()) {
                String name = r.getParams().getBenchmark();
                scores.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getStatistics());
            }
            byThreads.put(threads, scores);
        }
        return byThreads;
    }

    /**
     * Prints one line per thread count and variant (mean, p50, p99 in µs; households per second over all threads),
     * then the ratio of {@code subject} to {@code baseline}: times as subject ÷ baseline, throughput as
     * subject ÷ baseline too (so a faster subject has a time ratio below 1 and a throughput ratio above 1).
     */
    public static void print(String title, Map<Integer, Map<String, Statistics>> results, String subject,
                             String baseline, String goal) {
        print(title, results, subject, List.of(baseline), goal);
    }

    /** As {@link #print(String, Map, String, String, String)}, with one ratio line per baseline. */
    public static void print(String title, Map<Integer, Map<String, Statistics>> results, String subject,
                             List<String> baselines, String goal) {
        System.out.println();
        System.out.println(title + " (µs per household, JMH SampleTime; households/s over all threads)");
        System.out.printf("%-8s %-14s %10s %10s %10s %14s%n", "threads", "variant", "mean", "p50", "p99",
                "households/s");
        for (var e : results.entrySet()) {
            int threads = e.getKey();
            for (var s : e.getValue().entrySet()) {
                Statistics st = s.getValue();
                System.out.printf("%-8d %-14s %10.2f %10.2f %10.2f %14.0f%n", threads, s.getKey(), st.getMean(),
                        st.getPercentile(50), st.getPercentile(99), throughput(st, threads));
            }
            Statistics a = e.getValue().get(subject);
            for (String baseline : baselines) {
                Statistics b = e.getValue().get(baseline);
                System.out.printf("%-8d %-14s %10.4f %10.4f %10.4f %14.2f   (%s ÷ %s; %s)%n", threads, "ratio",
                        a.getMean() / b.getMean(), a.getPercentile(50) / b.getPercentile(50),
                        a.getPercentile(99) / b.getPercentile(99), throughput(a, threads) / throughput(b, threads),
                        subject, baseline, goal);
            }
        }
    }

    private static double throughput(Statistics st, int threads) {
        return threads * 1_000_000d / st.getMean();
    }
}
