package cn.shoudi.reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leaders' dashboard figures for a scope: households by class and village; 监测对象 (as the registry's decisions had
 * them on the scope's date) by category and risk type, and 风险已消除; the open proposals (待核实) of the latest
 * assessments that no procedure has decided yet; tasks open / overdue / resolved; 两不愁三保障 coverage; and
 * registration and exit by year. Each count is the count of a ledger (see {@link LedgerCatalog}).
 */
@Service
public class Dashboard {

    /** Rows of a two-dimensional count, e.g. village × class. */
    public record Cross(List<String> rows, List<String> columns, List<List<Long>> counts) {
    }

    /**
     * Every figure of the dashboard.
     *
     * @param monitoringByCategory confirmed 监测对象 by 监测类型, every category present
     * @param monitoringByRisk     confirmed 监测对象 by risk type
     * @param monitoring           confirmed: {@code monitored} (监测对象), {@code cleared} (风险已消除)
     * @param pending              open proposals (待核实): {@code pending_monitoring}, {@code pending_identification},
     *                             {@code pending_exit}, {@code pending_clearance}
     */
    public record Figures(Cross householdsByVillage, Map<String, Long> monitoringByCategory,
                          Map<String, Long> monitoringByRisk, Map<String, Long> monitoring, Map<String, Long> pending,
                          Map<String, Long> tasks, Map<String, Double> coverage, Map<Integer, Long> registeredByYear,
                          Map<Integer, Long> exitedByYear) {
    }

    private static final Map<String, String> CATEGORY_LEDGERS = Map.of("脱贫不稳定户", "unstable", "边缘易致贫户", "edge",
            "突发严重困难户", "sudden");

    private final JdbcClient jdbc;
    private final LedgerQueries queries;

    Dashboard(JdbcClient jdbc, LedgerQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    @Transactional(readOnly = true)
    public Figures figures(ReportScope s) {
        String scope = " FROM registry_household h JOIN registry_village v ON v.id = h.village_id WHERE v.township_id = "
                + s.townshipId() + " AND h.status = 'ACTIVE'" + (s.villageId() == null ? "" : " AND v.id = " + s.villageId());
        List<String> villages = jdbc.sql("SELECT DISTINCT v.name, v.id" + scope + " ORDER BY v.id")
                .query((rs, i) -> rs.getString(1)).list();
        List<String> classes = List.of("GENERAL", "EXITED", "NOT_EXITED");
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT v.name, h.household_class, COUNT(*)" + scope + " GROUP BY v.name, h.household_class")
                .query((rs, i) -> counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3))).list();
        List<List<Long>> cross = villages.stream().map(v -> classes.stream()
                .map(c -> counts.getOrDefault(v + "/" + c, 0L)).toList()).toList();
        Map<String, Long> byCategory = new LinkedHashMap<>();
        for (String category : LedgerCatalog.CATEGORIES) {
            byCategory.put(category, count(CATEGORY_LEDGERS.get(category), s).households());
        }
        Map<String, Long> byRisk = new LinkedHashMap<>();
        jdbc.sql("SELECT h.risk_types" + scope + " AND " + LedgerCatalog.MONITORED).param(s.asOf())
                .query(String.class).list()
                .forEach(r -> {
                    for (String t : r.split(",")) {
                        if (!t.isBlank()) {
                            byRisk.merge(t, 1L, Long::sum);
                        }
                    }
                });
        Map<String, Long> monitoring = new LinkedHashMap<>();
        monitoring.put("monitored", count("monitoring", s).households());
        monitoring.put("cleared", count("risk-cleared", s).households());
        Map<String, Long> pending = new LinkedHashMap<>();
        for (String ledger : List.of("pending-monitoring", "pending-identification", "pending-exit",
                "pending-clearance")) {
            pending.put(ledger.replace('-', '_'), count(ledger, s).households());
        }
        Map<String, Long> tasks = new LinkedHashMap<>();
        for (String ledger : List.of("tasks-open", "tasks-overdue", "tasks-resolved")) {
            tasks.put(ledger.replace('-', '_'), count(ledger, s).amount().longValue());
        }
        LedgerQueries.Count all = count("households", s);
        long registered = count("registered", s).households();
        long appraised = count("houses", s).households();
        long unsafe = jdbc.sql("SELECT COUNT(*)" + scope + " AND h.house_use = '自住' AND h.house_grade IN ('C', 'D') AND "
                + "(h.house_renovated IS NULL OR h.house_renovated = FALSE)").query(Long.class).single();
        Map<String, Double> coverage = new LinkedHashMap<>();
        coverage.put("insured", percent(count("insured", s).people(), all.people()));
        coverage.put("family_doctor", percent(count("family-doctor", s).households(), registered));
        coverage.put("safe_housing", percent(appraised - unsafe, appraised));
        coverage.put("water", percent(count("water-served", s).households(), all.households()));
        coverage.put("registered_share", percent(registered, all.households()));
        Map<Integer, Long> registeredByYear = new LinkedHashMap<>();
        jdbc.sql("SELECT h.registered_year, COUNT(*)" + scope + " AND h.registered_year IS NOT NULL GROUP BY "
                + "h.registered_year ORDER BY h.registered_year").query((rs, i) ->
                registeredByYear.put(rs.getInt(1), rs.getLong(2))).list();
        Map<Integer, Long> exitedByYear = new LinkedHashMap<>();
        jdbc.sql("SELECT h.exit_year, COUNT(*)" + scope + " AND h.exit_year IS NOT NULL GROUP BY h.exit_year ORDER BY "
                + "h.exit_year").query((rs, i) -> exitedByYear.put(rs.getInt(1), rs.getLong(2))).list();
        return new Figures(new Cross(villages, List.of("一般农户", "脱贫户", "未脱贫户"), cross), byCategory, byRisk,
                monitoring, pending, tasks, coverage, registeredByYear, exitedByYear);
    }

    /** The same count as the report's figure on this ledger (one SQL condition per ledger). */
    private LedgerQueries.Count count(String ledger, ReportScope s) {
        return queries.count(LedgerCatalog.find(ledger).orElseThrow(), s);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
