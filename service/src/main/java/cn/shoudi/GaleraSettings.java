package cn.shoudi;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses to start on a MariaDB Galera node whose settings would corrupt data: with Galera's default
 * {@code wsrep_auto_increment_control=ON} the auto-increment step follows the cluster's size, while MySQL
 * Connector/J computes the ids of a multi-row {@code INSERT} (batched inserts of tasks, assessments and their rows)
 * from the step it read when the connection opened, so after a node leaves or joins, pooled connections hand out ids of
 * rows that do not exist. Also checks the settings Galera itself needs. Nothing is checked on other databases.
 */
@Component
class GaleraSettings implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(GaleraSettings.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    GaleraSettings(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!(dataSource instanceof HikariDataSource ds) || !JdbcSettings.connectorJ(ds.getJdbcUrl())) {
            return;
        }
        Map<String, String> variables = new HashMap<>();
        jdbc.sql("SHOW VARIABLES WHERE Variable_name IN ('wsrep_on', 'wsrep_auto_increment_control', "
                + "'binlog_format', 'innodb_autoinc_lock_mode', 'auto_increment_increment')")
                .query(rs -> {
                    variables.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
                });
        List<String> problems = problems(variables);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the database is a Galera node with settings that lose or corrupt data: "
                    + String.join("; ", problems));
        }
        if ("ON".equalsIgnoreCase(variables.get("wsrep_on"))) {
            log.info("database is a Galera cluster node; auto-increment step {}", variables
                    .get("auto_increment_increment"));
        }
    }

    /**
     * What is wrong with a node's settings (by lower-case variable name); empty when the node is not a Galera node or
     * is set as the service needs: {@code wsrep_auto_increment_control=OFF} with a fixed
     * {@code auto_increment_increment} of at least the number of nodes and an offset per node, {@code binlog_format=ROW},
     * {@code innodb_autoinc_lock_mode=2}.
     */
    static List<String> problems(Map<String, String> variables) {
        List<String> problems = new ArrayList<>();
        if (!"ON".equalsIgnoreCase(variables.get("wsrep_on"))) {
            return problems;
        }
        if ("ON".equalsIgnoreCase(variables.get("wsrep_auto_increment_control"))) {
            problems.add("wsrep_auto_increment_control is ON (set it OFF, auto_increment_increment to at least the "
                    + "number of nodes and auto_increment_offset to each node's number)");
        }
        if (!"ROW".equalsIgnoreCase(variables.get("binlog_format"))) {
            problems.add("binlog_format is " + variables.get("binlog_format") + " (Galera needs ROW)");
        }
        if (!"2".equals(variables.get("innodb_autoinc_lock_mode"))) {
            problems.add("innodb_autoinc_lock_mode is " + variables.get("innodb_autoinc_lock_mode")
                    + " (Galera needs 2)");
        }
        return problems;
    }
}
