package cn.shoudi;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A database of a test's own, for tests that load the demo township (3,389 households) and must not count other
 * tests' households: on MySQL/MariaDB a fresh sibling of the test database ({@code <name>_<suffix>}, which
 * {@code .ci/run} lets the test user create), otherwise an in-memory H2 of that name.
 */
public final class SiblingDatabase {

    private SiblingDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry, String suffix) throws Exception {
        String url = System.getenv("SHOUDI_DB_URL");
        if (url == null || !url.startsWith("jdbc:mysql:")) {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + suffix + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
            registry.add("spring.datasource.username", () -> "sa");
            registry.add("spring.datasource.password", () -> "");
            return;
        }
        String db = url.replaceFirst("^jdbc:mysql://[^/]+/([^?]+).*$", "$1") + "_" + suffix;
        try (Connection c = DriverManager.getConnection(url, System.getenv("SHOUDI_DB_USER"),
                System.getenv("SHOUDI_DB_PASSWORD")); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + db);
            st.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        String own = url.replaceFirst("^(jdbc:mysql://[^/]+/)[^?]+", "$1" + db);
        registry.add("spring.datasource.url", () -> own);
    }
}
