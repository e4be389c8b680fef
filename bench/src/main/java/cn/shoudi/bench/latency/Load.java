package cn.shoudi.bench.latency;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;

/**
 * Registers households at a fixed rate (requests are sent from a pool of 32, so a slow response does not delay the
 * next one) while a poller notes when each responded household's row is first seen; matches the two per household.
 * Requests still waiting for a sender 30 s after the last one was due are not sent (counted as unsent). The JVM's CPU
 * time from the first request until every row is seen, per change, includes this load generator's own; the
 * statements per change are the service's only (see {@link StatementCounter}).
 */
final class Load {

    /** Latencies of one measured run, in milliseconds. */
    record Result(String evaluator, String measured, int changes, double achievedRate, int errors, int unsent,
                  double[] latencies, double[] http, int missing, double cpuMsPerChange, double statementsPerChange,
                  List<String> topStatements) {
        double percentile(double p) {
            return at(latencies, p);
        }

        double httpPercentile(double p) {
            return at(http, p);
        }

        private static double at(double[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }
    }

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Api api;
    private final long[] town;
    private final String evaluator;
    private final int rate;
    private final Function<Long, List<Long>> poll;
    private final AtomicInteger sequence = new AtomicInteger();

    Load(Api api, long[] town, String evaluator, int rate, Function<Long, List<Long>> poll) {
        this.api = api;
        this.town = town;
        this.evaluator = evaluator;
        this.rate = rate;
        this.poll = poll;
    }

    Result run(int seconds, String measured) throws InterruptedException {
        int n = seconds * rate;
        System.out.printf("%s %s: %d changes at %d/s%n", evaluator, measured, n, rate);
        Map<Long, Long> responded = new ConcurrentHashMap<>();
        Map<Long, Long> httpNanos = new ConcurrentHashMap<>();
        Map<Long, Long> seen = new ConcurrentHashMap<>();
        ConcurrentSkipListSet<Long> pending = new ConcurrentSkipListSet<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ThreadPoolExecutor senders = (ThreadPoolExecutor) Executors.newFixedThreadPool(32);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (!pending.isEmpty()) {
                    for (Long household : poll.apply(pending.first())) {
                        if (pending.remove(household)) {
                            seen.put(household, System.nanoTime());
                        }
                    }
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "latency-poller");
        poller.setDaemon(true);
        poller.start();
        long cpuBefore = OS.getProcessCpuTime();
        Map<String, Long> statementsBefore = StatementCounter.snapshot();
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            if (sent.getAndIncrement() >= n) {
                return;
            }
            // from when the request is due: time waiting for a free sender counts (no coordinated omission)
            long before = System.nanoTime();
            senders.submit(() -> {
                try {
                    int no = sequence.incrementAndGet();
                    long id = api.post("/api/households", Api.household(evaluator + "-" + no, no, town));
                    long after = System.nanoTime();
                    responded.put(id, after);
                    httpNanos.put(id, after - before);
                    pending.add(id);
                } catch (RuntimeException e) {
                    if (errors.getAndIncrement() == 0) {
                        System.err.println("a change failed: " + e.getMessage());
                    }
                }
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        while (sent.get() < n) {
            Thread.sleep(10);
        }
        ticker.shutdown();
        senders.shutdown();
        int unsent = 0;
        if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
            unsent = senders.getQueue().drainTo(new ArrayList<>());
            senders.awaitTermination(5, TimeUnit.MINUTES);
        }
        double achieved = responded.size() / ((System.nanoTime() - started) / 1e9);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!seen.keySet().containsAll(responded.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double cpuMs = (OS.getProcessCpuTime() - cpuBefore) / 1e6;
        Map<String, Long> statementsAfter = StatementCounter.snapshot();
        long statements = statementsAfter.values().stream().mapToLong(Long::longValue).sum()
                - statementsBefore.values().stream().mapToLong(Long::longValue).sum();
        poller.interrupt();
        poller.join();
        List<Double> latencies = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<Long, Long> e : responded.entrySet()) {
            Long at = seen.get(e.getKey());
            if (at == null) {
                missing++;
            } else {
                latencies.add(Math.max(0, at - e.getValue()) / 1e6);
            }
        }
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] http = httpNanos.values().stream().mapToDouble(v -> v / 1e6).sorted().toArray();
        int changes = Math.max(1, responded.size());
        return new Result(evaluator, measured, responded.size(), achieved, errors.get(), unsent, sorted, http, missing,
                cpuMs / changes, (double) statements / changes,
                StatementCounter.top(statementsBefore, statementsAfter, changes, 40));
    }
}
