package cn.shoudi.bench.cluster;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A mixed load through REST, spread over the instances: household edits ({@code PATCH …/facts}), task actions (a
 * household's tasks read, an open one acknowledged by its helper cadre), household reads, and every 3 s a department
 * batch of 30 signals for the households' members (new event ids each time). Workers go round the instances; a
 * request to an instance that is down counts as failed and the worker moves on.
 */
final class MixedLoad {

    enum Op { EDIT, TASK, READ, SIGNALS }

    /** Answers of one kind of request: accepted, refused with 409 (a conflict surfaced), failed (anything else). */
    record Tally(long ok, long conflict, long failed) {
    }

    /** What a phase did: answers per kind and its length. */
    record Phase(String name, Map<Op, Tally> tallies, double seconds) {

        long accepted() {
            return tallies.values().stream().mapToLong(Tally::ok).sum();
        }

        long conflicts() {
            return tallies.values().stream().mapToLong(Tally::conflict).sum();
        }

        long failed() {
            return tallies.values().stream().mapToLong(Tally::failed).sum();
        }

        double perSecond() {
            return accepted() / seconds;
        }

        long accepted(Op op) {
            return tallies.get(op).ok();
        }
    }

    private static final AtomicLong EVENT_IDS = new AtomicLong();

    private final List<Township> instances;
    private final List<Long> households;
    private final int workers;

    /**
     * @param instances  the township's accounts, one entry per instance
     * @param households the households the load edits and acts on
     * @param workers    concurrent clients (besides the signal batches)
     */
    MixedLoad(List<Township> instances, List<Long> households, int workers) {
        this.instances = instances;
        this.households = households;
        this.workers = workers;
    }

    /** Runs the load for {@code length}, then waits for the requests in flight. */
    Phase run(String name, Duration length) throws InterruptedException {
        Map<Op, LongAdder[]> counts = new EnumMap<>(Op.class);
        for (Op op : Op.values()) {
            counts.put(op, new LongAdder[]{new LongAdder(), new LongAdder(), new LongAdder()});
        }
        long start = System.nanoTime();
        long end = start + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(workers + 1);
        AtomicInteger next = new AtomicInteger();
        for (int w = 0; w < workers; w++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    Township t = instances.get(Math.floorMod(next.getAndIncrement(), instances.size()));
                    long household = households.get(ThreadLocalRandom.current().nextInt(households.size()));
                    int draw = ThreadLocalRandom.current().nextInt(100);
                    Op op = draw < 55 ? Op.EDIT : draw < 80 ? Op.TASK : Op.READ;
                    count(counts.get(op), switch (op) {
                        case EDIT -> t.officer().patch("/api/households/" + household + "/facts",
                                "{\"values\":{\"incomeStableMonths\":" + ThreadLocalRandom.current().nextInt(1, 13)
                                        + "}}").status();
                        case TASK -> taskAction(t, household);
                        default -> t.officer().get("/api/households/" + household).status();
                    });
                }
                return null;
            });
        }
        pool.submit(() -> {
            int batch = 0;
            while (System.nanoTime() < end) {
                Township t = instances.get(batch++ % instances.size());
                count(counts.get(Op.SIGNALS), t.department().postLines("/api/signals/batches?fileName=galera.jsonl",
                        signals(t, 30)).status());
                TimeUnit.MILLISECONDS.sleep(3000);
            }
            return null;
        });
        pool.shutdown();
        if (!pool.awaitTermination(length.toSeconds() + 120, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("the load's requests did not end within 2 minutes after the phase");
        }
        Map<Op, Tally> tallies = new EnumMap<>(Op.class);
        counts.forEach((op, c) -> tallies.put(op, new Tally(c[0].sum(), c[1].sum(), c[2].sum())));
        return new Phase(name, tallies, (System.nanoTime() - start) / 1e9);
    }

    /** The helper cadre reads a household's tasks and acknowledges the first open one. */
    private static int taskAction(Township t, long household) {
        Client.Answer tasks = t.helper().get("/api/households/" + household + "/tasks");
        if (!tasks.ok()) {
            return tasks.status();
        }
        for (JsonNode task : tasks.json()) {
            if ("OPEN".equals(task.get("status").asString())) {
                return t.helper().post("/api/tasks/" + task.get("id").asLong() + "/acknowledge",
                        "{\"cadreId\":" + t.helperId() + "}").status();
            }
        }
        return tasks.status();
    }

    /** 住院自付 settlements of 2019 for members of random households, each under a new event id. */
    private String signals(Township t, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            long household = households.get(ThreadLocalRandom.current().nextInt(households.size()));
            List<String> members = t.idNumbers().get(household);
            out.append("{\"eventId\":\"GAL-").append(EVENT_IDS.incrementAndGet()).append("\",\"kind\":\"住院自付\","
                    + "\"amount\":").append(300 + ThreadLocalRandom.current().nextInt(3000))
                    .append(",\"date\":\"").append(LocalDate.of(2019, 1, 1)
                            .plusDays(ThreadLocalRandom.current().nextInt(365)))
                    .append("\",\"idNumber\":\"").append(members.get(ThreadLocalRandom.current().nextInt(2)))
                    .append("\",\"detail\":\"住院结算\"}\n");
        }
        return out.toString();
    }

    /** Counts an answer; after a connection refused (the instance is down) pauses 100 ms rather than spin. */
    private static void count(LongAdder[] c, int status) throws InterruptedException {
        c[status >= 200 && status < 300 ? 0 : status == 409 ? 1 : 2].increment();
        if (status == 0) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
