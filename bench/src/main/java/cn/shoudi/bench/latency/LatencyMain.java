package cn.shoudi.bench.latency;

import cn.shoudi.bench.ServiceBoot;
import cn.shoudi.security.AccountService;
import cn.shoudi.security.Role;
import cn.shoudi.security.ApiKeyService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 4: event to task latency through the real REST path. Boots the service with its web server on a random port
 * (MariaDB, database {@code -Dbench.db.name} + {@code _latency}, recreated for each run), signs in as a township-wide
 * information officer the way an integration does, with an API key ({@code -Dbench.auth=basic}: HTTP Basic, the
 * password checked with BCrypt on every request, at the accounts' cost 10 unless {@code -Dbench.bcrypt.cost} says
 * otherwise), and registers households at a fixed rate ({@code POST /api/households}: a 脱贫户 of two with 9,000 元 a
 * year, below the 2019 monitoring line of 5,000 元 a person, 因病, not coping), each of which opens a monitoring task.
 * Latency runs from the HTTP response (the change is committed) to the task's row being visible in
 * {@code monitoring_task}, polled in batches from a connection of its own. With the do-nothing evaluator no task
 * opens, so there it runs to the assessment row (the floor: outbox, reading, writing, events). Arguments:
 * {@code [seconds] [changes per second] [warm-up seconds]}, default {@code 60 100 10} (the first service in the JVM
 * warms up three times as long). Goals at 100/s: event → task
 * p99 ≤ 300 ms, HTTP p99 ≤ 200 ms.
 */
public final class LatencyMain {

    private static final String AUTH = System.getProperty("bench.auth", "key");
    private static final int BCRYPT_COST = Integer.getInteger("bench.bcrypt.cost", 10);

    private LatencyMain() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String db = System.getProperty("bench.db.name", "shoudi_bench") + "_latency";
        List<Load.Result> results = new ArrayList<>();
        boolean first = true;
        for (String evaluator : List.of("policy", "noop")) {
            ServiceBoot.sql(db, "DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
            try (ConfigurableApplicationContext ctx = ServiceBoot.boot(db, evaluator,
                    "spring.datasource.hikari.data-source-properties[queryInterceptors]="
                            + StatementCounter.class.getName())) {
                int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
                boolean tasks = "policy".equals(evaluator);
                String table = tasks ? "monitoring_task" : "assessment";
                try (Api api = signIn(ctx, port);
                     Connection poll = DriverManager.getConnection(ServiceBoot.url(db),
                             System.getProperty("bench.db.user", "root"),
                             System.getProperty("bench.db.password", ""))) {
                    long[] town = api.township();
                    Load load = new Load(api, town, evaluator, rate, from -> seen(poll, table, from));
                    // the first service in this JVM warms up three times as long: the JIT compiles most of it then
                    load.run(first ? 3 * warmUp : warmUp, "warm-up");
                    first = false;
                    Load.Result r = load.run(seconds, tasks ? "commit → task" : "commit → assessment");
                    results.add(r);
                    System.out.printf("%s: %d changes at %.1f/s, p99 %.0f ms, http p99 %.0f ms%n", evaluator,
                            r.changes(), r.achievedRate(), r.percentile(99), r.httpPercentile(99));
                    if (Boolean.getBoolean("bench.sql.detail")) {
                        System.out.println("statements per change, most frequent first:");
                        r.topStatements().forEach(System.out::println);
                    }
                }
            }
        }
        print(results, seconds, rate);
    }

    /**
     * A township-wide information officer's account, signed in with an API key issued by the administrator's service,
     * or with HTTP Basic (its password hashed at {@code -Dbench.bcrypt.cost}).
     */
    private static Api signIn(ConfigurableApplicationContext ctx, int port) {
        String password = "bench-password-1";
        long account = ctx.getBean(AccountService.class).create(new AccountService.AccountData("bench-officer",
                password, "基准测试信息员", Role.INFO_OFFICER, null, null, null, true)).id();
        if (!"basic".equals(AUTH)) {
            return Api.withKey(port, ctx.getBean(ApiKeyService.class).issue(account,
                    new ApiKeyService.NewKey("基准测试", 1)).apiKey());
        }
        ctx.getBean(JdbcClient.class)
                .sql("UPDATE security_user SET password_hash = ? WHERE username = 'bench-officer'")
                .param("{bcrypt}" + new BCryptPasswordEncoder(BCRYPT_COST).encode(password)).update();
        return Api.withBasic(port, "bench-officer", password);
    }

    /**
     * The households from {@code fromHousehold} on that have a row in the table, in one query. By household, not by
     * row id: ids are taken at insert, and a row committed late behind a higher id would be missed.
     */
    static List<Long> seen(Connection c, String table, long fromHousehold) {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT household_id FROM " + table
                + " WHERE household_id >= ?")) {
            ps.setLong(1, fromHousehold);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static void print(List<Load.Result> results, int seconds, int rate) {
        System.out.println();
        System.out.printf("Figure 4: event to task latency through the REST API, %d changes/s offered for %d s (%d cores, "
                + "signed in with %s)%n", rate, seconds, Runtime.getRuntime().availableProcessors(),
                "basic".equals(AUTH) ? "HTTP Basic, BCrypt cost " + BCRYPT_COST : "an API key");
        System.out.printf("%-9s %-20s %7s %7s %6s %6s %8s %8s %8s %7s %7s %7s %7s %7s %7s %7s%n", "evaluator",
                "measured", "changes", "rate/s", "errors", "unsent", "http p50", "http p95", "http p99", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "missing", "cpu ms", "SQL");
        for (Load.Result r : results) {
            System.out.printf("%-9s %-20s %7d %7.1f %6d %6d %8.0f %8.0f %8.0f %7.0f %7.0f %7.0f %7.0f %7d %7.1f %7.1f%n",
                    r.evaluator(), r.measured(), r.changes(), r.achievedRate(), r.errors(), r.unsent(),
                    r.httpPercentile(50), r.httpPercentile(95), r.httpPercentile(99), r.percentile(50),
                    r.percentile(95), r.percentile(99), r.percentile(100), r.missing(), r.cpuMsPerChange(),
                    r.statementsPerChange());
        }
        System.out.println("rate/s: households answered 201 per second, from the first request sent to the last "
                + "answer (below the offered rate when the service cannot keep up); latency: from the HTTP response "
                + "of POST /api/households (committed) to the row being seen by a poll every 5 ms (a row seen before "
                + "the response counts as 0); http: response time in ms from when the request was due (waiting for one of "
                + "the client's 32 senders included); unsent: still waiting 30 s after the last was due; missing: no "
                + "row within 30 s after the last change; errors: requests that failed; cpu ms: the JVM's CPU time "
                + "(service and load generator) per change; SQL: statements the service sent per change (-Dbench.sql.detail=true "
                + "lists them). Goals at 100/s (policy row): p99 ≤ 300 ms, "
                + "http p99 ≤ 200 ms.");
    }
}
