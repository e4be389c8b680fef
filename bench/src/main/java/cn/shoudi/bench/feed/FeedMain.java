package cn.shoudi.bench.feed;

import cn.shoudi.assessment.AssessmentRunView;
import cn.shoudi.assessment.ReEvaluation;
import cn.shoudi.bench.ServiceBoot;
import cn.shoudi.demo.TownshipGenerator;
import cn.shoudi.registry.TownshipLoader;
import cn.shoudi.rules.facts.IdNumbers;
import cn.shoudi.security.AccountService;
import cn.shoudi.security.ApiKeyService;
import cn.shoudi.security.Role;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure "feed": a department's daily file through the real REST endpoint, end to end on MariaDB. Boots the service
 * (database {@code -Dbench.db.name}, default {@code shoudi_bench}, recreated for each run) with the demo township loaded
 * ({@link TownshipGenerator}, 3,389 households) and evaluated once (a full re-evaluation, so that the batch changes
 * existing assessments and tasks as it would in production), creates a 医保 DEPARTMENT account with an API key, and
 * posts, after an untimed batch of 1,000 (the day before's file: the service's code paths are compiled, as in a
 * service that has been running), one batch of JSON lines ({@code POST /api/signals/batches}): 住院自付 and 门诊自付 settlements of 2019 for
 * members drawn at random over the township's households, amounts such that part of the households reach the alert
 * table's lines (住院自付 ≥ 5,000 元 a year for 脱贫户 and 监测对象, 门诊自付 ≥ 500 元 in a month), with 1 % of ID
 * numbers that match nobody (未匹配) and 0.5 % with a wrong check digit (无效). Timed from the request to: the HTTP
 * response (validated, stored, reported); every affected household having a new assessment (polled in the database);
 * the outbox drained, i.e. every evaluation written and every page's tasks reconciled (end to end). Beside the same
 * with the do-nothing evaluator ({@code shoudi.assessment.evaluator=noop}: no Drools, so no task). Arguments:
 * {@code [signals]}, default {@code 10000}. Goal: ≤ 10 s end to end.
 */
public final class FeedMain {

    record Row(String evaluator, int signals, int created, int unmatched, int invalid, int households,
               double httpSeconds, double evaluatedSeconds, double drainedSeconds, long tasksOpened,
               double baselineSeconds) {
    }

    private static final Pattern COUNT = Pattern.compile("\"(records|created|unmatched|duplicates|invalid|households)"
            + "\"\\s*:\\s*(\\d+)");

    /** Signals of the untimed batch before the measured one. */
    private static final int WARM_UP = 1_000;

    private FeedMain() {
    }

    public static void main(String[] args) throws Exception {
        int signals = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String db = System.getProperty("bench.db.name", "shoudi_bench");
        List<Row> rows = new ArrayList<>();
        for (String evaluator : List.of("policy", "noop")) {
            ServiceBoot.sql(db, "DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
            try (ConfigurableApplicationContext ctx = ServiceBoot.boot(db, evaluator)) {
                Row row = run(ctx, evaluator, signals);
                rows.add(row);
                System.out.printf("%s: township evaluated in %.1f s; %,d signals → %,d households, %.2f s HTTP, "
                                + "%.2f s evaluated, %.2f s end to end%n", evaluator, row.baselineSeconds(),
                        row.signals(), row.households(), row.httpSeconds(), row.evaluatedSeconds(),
                        row.drainedSeconds());
            }
        }
        print(rows);
    }

    private static Row run(ConfigurableApplicationContext ctx, String evaluator, int signals) throws Exception {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        ctx.getBean(TownshipLoader.class).load(new TownshipGenerator(TownshipGenerator.SEED, 0, new HashSet<>())
                .generate());
        long started = System.nanoTime();
        ReEvaluation reEvaluation = ctx.getBean(ReEvaluation.class);
        AssessmentRunView run = reEvaluation.start("benchmark baseline");
        while (!"DONE".equals(run.status())) {
            Thread.sleep(50);
            run = reEvaluation.find(run.id()).orElseThrow();
        }
        awaitDrained(jdbc);
        double baseline = (System.nanoTime() - started) / 1e9;

        AccountService accounts = ctx.getBean(AccountService.class);
        long account = accounts.create(new AccountService.AccountData("bench-yibao", "bench-password-1", "医保接口",
                Role.DEPARTMENT, null, null, "医保", true)).id();
        String key = ctx.getBean(ApiKeyService.class).issue(account, new ApiKeyService.NewKey("医保每日文件", 1)).apiKey();
        List<String> members = jdbc.sql("SELECT id_number FROM registry_member WHERE id_number IS NOT NULL "
                + "ORDER BY id").query(String.class).list();
        int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // the day before's file, untimed: the service has run before, its code paths are compiled
        post(http, port, key, file(members, WARM_UP, "YB-2019-W", new Random(TownshipGenerator.SEED + 1)));
        awaitDrained(jdbc);
        byte[] file = file(members, signals, "YB-2019-", new Random(TownshipGenerator.SEED));
        long assessmentsBefore = max(jdbc, "assessment");
        long tasksBefore = max(jdbc, "monitoring_task");

        started = System.nanoTime();
        HttpResponse<String> response = post(http, port, key, file);
        double httpSeconds = (System.nanoTime() - started) / 1e9;
        int[] counts = counts(response.body());
        while (jdbc.sql("SELECT COUNT(DISTINCT household_id) FROM assessment WHERE id > ?").param(assessmentsBefore)
                .query(Long.class).single() < counts[5]) {
            Thread.sleep(10);
        }
        double evaluatedSeconds = (System.nanoTime() - started) / 1e9;
        awaitDrained(jdbc);
        double drainedSeconds = (System.nanoTime() - started) / 1e9;
        long tasks = jdbc.sql("SELECT COUNT(*) FROM monitoring_task WHERE id > ?").param(tasksBefore)
                .query(Long.class).single();
        return new Row(evaluator, counts[0], counts[1], counts[2], counts[4], counts[5], httpSeconds,
                evaluatedSeconds, drainedSeconds, tasks, baseline);
    }

    /**
     * The department's file: one JSON line per signal. 住院自付 (60 %) of 300–7,800 元, so that two or three stays
     * of one household in a year pass 5,000 元; 门诊自付 (40 %) of 20–700 元, so that part of them pass 500 元 in a
     * month; dates over 2019.
     */
    static byte[] file(List<String> members, int signals, String eventIds, Random random) {
        StringBuilder out = new StringBuilder(signals * 200);
        HashSet<String> registered = new HashSet<>(members);
        for (int i = 1; i <= signals; i++) {
            boolean inpatient = random.nextInt(100) < 60;
            int amount = inpatient ? 300 + random.nextInt(7500) : 20 + random.nextInt(680);
            LocalDate date = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(365));
            int draw = random.nextInt(1000);
            String id = draw < 10 ? unregistered(random, registered)
                    : draw < 15 ? wrongCheckDigit(members.get(random.nextInt(members.size())))
                    : members.get(random.nextInt(members.size()));
            out.append("{\"eventId\":\"").append(eventIds).append(String.format("%06d", i)).append("\",\"kind\":\"")
                    .append(inpatient ? "住院自付" : "门诊自付").append("\",\"amount\":").append(amount)
                    .append(",\"date\":\"").append(date).append("\",\"idNumber\":\"").append(id)
                    .append("\",\"detail\":\"").append(inpatient ? "住院结算" : "门诊结算").append("\"}\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A valid ID number of the township's county that belongs to no member. */
    private static String unregistered(Random random, HashSet<String> registered) {
        while (true) {
            String first17 = "500243" + (1940 + random.nextInt(60)) + String.format("%02d%02d%03d",
                    1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000));
            String id = first17 + IdNumbers.checkCharacter(first17);
            if (!registered.contains(id)) {
                return id;
            }
        }
    }

    private static String wrongCheckDigit(String id) {
        char check = id.charAt(17);
        return id.substring(0, 17) + (check == '0' ? '1' : '0');
    }

    /** Posts a batch with the department's API key; fails unless it is answered 201. */
    private static HttpResponse<String> post(HttpClient http, int port, String key, byte[] file)
            throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/signals/batches?fileName=yibao-2019.jsonl"))
                .header("X-Api-Key", key).header("Content-Type", "application/x-ndjson")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(file)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (response.statusCode() != 201) {
            throw new IllegalStateException("the batch answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return response;
    }

    /** records, created, unmatched, duplicates, invalid, households, from the report's counts. */
    private static int[] counts(String report) {
        int[] out = new int[6];
        List<String> names = List.of("records", "created", "unmatched", "duplicates", "invalid", "households");
        Matcher m = COUNT.matcher(report.substring(0, Math.min(report.length(), report.indexOf("\"records\":["))));
        while (m.find()) {
            out[names.indexOf(m.group(1))] = Integer.parseInt(m.group(2));
        }
        return out;
    }

    private static long max(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM " + table).query(Long.class).single();
    }

    private static void awaitDrained(JdbcClient jdbc) throws InterruptedException {
        while (jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL").query(Long.class)
                .single() > 0) {
            Thread.sleep(10);
        }
    }

    private static void print(List<Row> rows) {
        System.out.println();
        System.out.println("Figure feed: a department's batch through POST /api/signals/batches, end to end on MariaDB ("
                + Runtime.getRuntime().availableProcessors() + " cores, demo township of 3,389 households)");
        System.out.printf("%-9s %7s %7s %9s %7s %10s %7s %11s %11s %8s %10s %8s%n", "evaluator", "signals", "new",
                "unmatched", "invalid", "households", "http s", "evaluated s", "end-to-end", "tasks", "signals/s",
                "÷ floor");
        Row floor = rows.stream().filter(r -> "noop".equals(r.evaluator())).findFirst().orElse(rows.get(0));
        for (Row r : rows) {
            System.out.printf("%-9s %,7d %,7d %9d %7d %,10d %7.2f %11.2f %11.2f %,8d %,10.0f %7.2f×%n", r.evaluator(),
                    r.signals(), r.created(), r.unmatched(), r.invalid(), r.households(), r.httpSeconds(),
                    r.evaluatedSeconds(), r.drainedSeconds(), r.tasksOpened(), r.signals() / r.drainedSeconds(),
                    r.drainedSeconds() / floor.drainedSeconds());
        }
        System.out.printf("http s: the request until its report is answered (every record validated, stored and "
                + "reported); evaluated s: until every affected household has a new assessment; end-to-end: until the "
                + "outbox is drained (every page written and its tasks reconciled); tasks: monitoring tasks opened by "
                + "the batch; ÷ floor: end-to-end ÷ the do-nothing evaluator's. Not timed: loading the township, "
                + "its first full evaluation (%.1f s with the policy) and a batch of 1,000 signals before the measured "
                + "one. Goal: ≤ 10 s end to end (policy row).%n",
                rows.get(0).baselineSeconds());
    }
}
