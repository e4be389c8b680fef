package cn.shoudi.bench;

import cn.shoudi.ShoudiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Boots the service in this JVM against a MariaDB/MySQL database of the benchmark's own, for the end-to-end figures.
 * The server is {@code -Dbench.db.server} (default {@code 127.0.0.1:3306}, user {@code -Dbench.db.user}, default
 * root, password {@code -Dbench.db.password}, default empty); the database is created when missing. Extra service
 * properties for an experiment: {@code -Dbench.service.properties="key=value key=value"}.
 */
public final class ServiceBoot {

    private ServiceBoot() {
    }

    /** The JDBC URL of a database on the benchmark's server. */
    public static String url(String database) {
        return "jdbc:mysql://" + System.getProperty("bench.db.server", "127.0.0.1:3306") + "/" + database
                + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true"
                + "&createDatabaseIfNotExist=true";
    }

    /** Runs statements on a database directly (no Spring), e.g. to reset it before the service boots. */
    public static void sql(String database, String... statements) {
        try (Connection c = DriverManager.getConnection(url(database), System.getProperty("bench.db.user", "root"),
                System.getProperty("bench.db.password", "")); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + String.join("; ", statements) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Boots the service without the demo township, evaluating as of 2019-12-31, its web server on a random port
     * ({@code local.server.port}; the security configuration needs a servlet context).
     *
     * @param evaluator {@code policy} or {@code noop} ({@code shoudi.assessment.evaluator})
     */
    public static ConfigurableApplicationContext boot(String database, String evaluator,
                                                      String... more) {
        List<String> p = new ArrayList<>(List.of(
                "spring.datasource.url=" + url(database),
                "spring.datasource.username=" + System.getProperty("bench.db.user", "root"),
                "spring.datasource.password=" + System.getProperty("bench.db.password", ""),
                "server.port=0",
                "spring.main.banner-mode=off",
                "shoudi.demo.enabled=false",
                "shoudi.assessment.as-of=2019-12-31",
                "shoudi.assessment.evaluator=" + evaluator,
                "shoudi.security.admin-password=bench-admin-password",
                "server.servlet.session.cookie.secure=false"));
        p.addAll(List.of(more));
        String extra = System.getProperty("bench.service.properties", "").trim();
        if (!extra.isEmpty()) {
            p.addAll(List.of(extra.split("\\s+")));
        }
        // as command-line arguments, so that they override application.properties
        return new SpringApplicationBuilder(ShoudiApplication.class).logStartupInfo(false)
                .run(p.stream().map(s -> "--" + s).toArray(String[]::new));
    }

    /** Asks the JVM for a full collection and returns the heap then in use, in MB. */
    public static double heapAfterFullGcMb() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }
}
