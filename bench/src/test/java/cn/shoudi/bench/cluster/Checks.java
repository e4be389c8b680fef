package cn.shoudi.bench.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the database must say after the load, read with plain SQL (each method reads one connection). */
final class Checks {

    private Checks() {
    }

    /**
     * Waits until the service is idle: no event publication incomplete and no full re-evaluation running, twice in a
     * row a second apart.
     *
     * @throws IllegalStateException when it is not idle within {@code max}, naming what is left
     */
    static void awaitIdle(Connection c, Duration max) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        int quiet = 0;
        String left = "";
        while (System.nanoTime() < deadline) {
            long events = count(c, "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE completion_date IS NULL");
            long runs = count(c, "SELECT COUNT(*) FROM assessment_run WHERE status NOT IN ('DONE', 'FAILED')");
            left = events + " event publications incomplete, " + runs + " re-evaluations not finished";
            quiet = events == 0 && runs == 0 ? quiet + 1 : 0;
            if (quiet == 2) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("not idle within " + max + ": " + left + "; incomplete: "
                + rows(c, "SELECT listener_id, event_type, status, completion_attempts FROM EVENT_PUBLICATION "
                + "WHERE completion_date IS NULL LIMIT 5"));
    }

    /**
     * Households whose assessment head is not their newest assessment, or not under the published policy (the newest
     * may be of an older household version when a change altered nothing the rules read: an identical reading is not
     * stored again).
     */
    static List<String> headsNotNewestUnderPublishedPolicy(Connection c) throws SQLException {
        return rows(c, "SELECT h.id, a.policy_version, hd.assessment_id, "
                + "(SELECT MAX(x.id) FROM assessment x WHERE x.household_id = h.id) AS newest "
                + "FROM registry_household h LEFT JOIN assessment_head hd ON hd.household_id = h.id "
                + "LEFT JOIN assessment a ON a.id = hd.assessment_id "
                + "WHERE h.status = 'ACTIVE' AND (a.id IS NULL "
                + "OR a.policy_version <> (SELECT label FROM policy_version WHERE status = 'PUBLISHED') "
                + "OR a.id <> (SELECT MAX(x.id) FROM assessment x WHERE x.household_id = h.id))");
    }

    /**
     * Households whose open tasks are not exactly the task codes of their latest assessment's findings (one open task
     * per code, none missing, none left over).
     */
    static List<String> tasksNotMatchingFindings(Connection c) throws SQLException {
        Map<Long, List<String>> wanted = codes(c, "SELECT hd.household_id, f.task_code FROM assessment_head hd "
                + "JOIN assessment_finding f ON f.assessment_id = hd.assessment_id "
                + "WHERE f.task_code IS NOT NULL AND f.task_code <> '' GROUP BY hd.household_id, f.task_code");
        Map<Long, List<String>> open = codes(c, "SELECT household_id, task_code FROM monitoring_task "
                + "WHERE open_flag = 1");
        List<String> wrong = new ArrayList<>();
        Map<Long, List<String>> all = new TreeMap<>(wanted);
        open.forEach(all::putIfAbsent);
        all.keySet().forEach(h -> {
            List<String> w = wanted.getOrDefault(h, List.of());
            List<String> o = open.getOrDefault(h, List.of());
            if (!w.equals(o)) {
                wrong.add("household " + h + ": findings " + w + ", open tasks " + o);
            }
        });
        return wrong;
    }

    /** Per task: how many times it was escalated (its counter, and its history's ESCALATED entries). */
    static Map<Long, String> escalations(Connection c, List<Long> taskIds) throws SQLException {
        Map<Long, String> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.escalation_count, (SELECT COUNT(*) FROM "
                + "monitoring_task_history e WHERE e.task_id = t.id AND e.action = 'ESCALATED') FROM monitoring_task t "
                + "WHERE t.id = ?")) {
            for (Long id : taskIds) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    out.put(id, rs.next() ? rs.getInt(1) + "/" + rs.getInt(2) : "missing");
                }
            }
        }
        return out;
    }

    /** Every base table of the database with its row count and {@code CHECKSUM TABLE}, by name. */
    static Map<String, String> fingerprints(Connection c, String database) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String t : tables) {
                long rows = count(c, "SELECT COUNT(*) FROM `" + database + "`.`" + t + "`");
                try (ResultSet rs = s.executeQuery("CHECKSUM TABLE `" + database + "`.`" + t + "`")) {
                    rs.next();
                    out.put(t, rows + " rows, checksum " + rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** Tables without a primary key (Galera cannot replicate their deletes). */
    static List<String> tablesWithoutPrimaryKey(Connection c, String database) throws SQLException {
        return rows(c, "SELECT t.table_name FROM information_schema.tables t WHERE t.table_schema = '" + database
                + "' AND t.table_type = 'BASE TABLE' AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints k "
                + "WHERE k.table_schema = t.table_schema AND k.table_name = t.table_name "
                + "AND k.constraint_type = 'PRIMARY KEY')");
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every row of a query, its columns joined by spaces. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /** Household id → its codes, sorted, from a query of (household id, code) ordered as it likes. */
    private static Map<Long, List<String>> codes(Connection c, String sql) throws SQLException {
        Map<Long, List<String>> out = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        out.values().forEach(list -> list.sort(null));
        return out;
    }
}
