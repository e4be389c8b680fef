package cn.shoudi.bench.latency;

import cn.shoudi.bench.ServiceBoot;
import cn.shoudi.security.AccountService;
import cn.shoudi.security.Role;
import org.springframework.context.ConfigurableApplicationContext;
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
 * (MariaDB, database {@code -Dbench.db.name} + {@code _latency}, recreated for each run), signs in with HTTP Basic as
 * a township-wide information officer, and registers households at a fixed rate ({@code POST /api/households}: a
 * 脱贫户 of two with 9,000 元 a year, below the 2019 monitoring line of 5,000 元 a person, 因病, not coping), each of
 * which opens a monitoring task. Latency runs from the HTTP response (the change is committed) to the task's row
 * being visible in {@code monitoring_task}, polled in batches from a connection of its own. With the do-nothing
 * evaluator no task opens, so there it runs to the assessment row (the floor: outbox, reading, writing, events).
 * Arguments: {@code [seconds] [changes per second] [warm-up seconds]}, default {@code 60 50 10}. Goal: p99 ≤ 500 ms
 * at 50/s.
 */
public final class LatencyMain {

    private static final int BCRYPT_COST = Integer.getInteger("bench.bcrypt.cost", 4);

    private LatencyMain() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String db = System.getProperty("bench.db.name", "shoudi_bench") + "_latency";
        List<Load.Result> results = new ArrayList<>();
        for (String evaluator : List.of("policy", "noop")) {
            ServiceBoot.sql(db, "DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
            try (ConfigurableApplicationContext ctx = ServiceBoot.boot(db, evaluator)) {
                int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
                String password = "bench-password-1";
                ctx.getBean(AccountService.class).create(new AccountService.AccountData("bench-officer", password,
                        "基准测试信息员", Role.INFO_OFFICER, null, null, null, true));
                // HTTP Basic checks the password on every request: at the accounts' BCrypt cost 10 that alone takes
                // the 2 cores at about 10 requests/s, so by default the bench account is hashed at cost 4, as the
                // tests' accounts are (-Dbench.bcrypt.cost=10 for the real cost)
                ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                        .sql("UPDATE security_user SET password_hash = ? WHERE username = 'bench-officer'")
                        .param("{bcrypt}" + new BCryptPasswordEncoder(BCRYPT_COST).encode(password)).update();
                boolean tasks = "policy".equals(evaluator);
                String table = tasks ? "monitoring_task" : "assessment";
                try (Api api = new Api(port, "bench-officer", password);
                     Connection poll = DriverManager.getConnection(ServiceBoot.url(db),
                             System.getProperty("bench.db.user", "root"),
                             System.getProperty("bench.db.password", ""))) {
                    long[] town = api.township();
                    Load load = new Load(api, town, evaluator, rate, from -> seen(poll, table, from));
                    load.run(warmUp, "warm-up");
                    Load.Result r = load.run(seconds, tasks ? "commit → task" : "commit → assessment");
                    results.add(r);
                    System.out.printf("%s: %d changes at %.1f/s, p99 %.0f ms%n", evaluator, r.changes(),
                            r.achievedRate(), r.percentile(99));
                }
            }
        }
        print(results, seconds, rate);
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
        System.out.printf("Figure 4: event to task latency through the REST API, %d changes/s for %d s (%d cores, "
                + "password hash BCrypt cost %d)%n", rate, seconds, Runtime.getRuntime().availableProcessors(),
                BCRYPT_COST);
        System.out.printf("%-9s %-20s %7s %7s %6s %9s %9s %7s %7s %7s %7s %7s%n", "evaluator", "measured", "changes",
                "rate/s", "errors", "http p50", "http p99", "p50 ms", "p95 ms", "p99 ms", "max ms", "missing");
        for (Load.Result r : results) {
            System.out.printf("%-9s %-20s %7d %7.1f %6d %9.0f %9.0f %7.0f %7.0f %7.0f %7.0f %7d%n", r.evaluator(),
                    r.measured(), r.changes(), r.achievedRate(), r.errors(), r.httpPercentile(50),
                    r.httpPercentile(99), r.percentile(50), r.percentile(95), r.percentile(99), r.percentile(100),
                    r.missing());
        }
        System.out.println("latency: from the HTTP response of POST /api/households (committed) to the row being seen "
                + "by a poll every 5 ms (a row seen before the response counts as 0); http: the request's own response "
                + "time; missing: no row within 30 s after the last change; errors: requests that failed. "
                + "Goal: p99 ≤ 500 ms at 50/s (policy row).");
    }
}
