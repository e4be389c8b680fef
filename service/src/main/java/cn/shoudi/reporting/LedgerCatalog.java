package cn.shoudi.reporting;

import cn.shoudi.registry.HouseholdStatus;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every ledger (台账) the report links to: its code, title, level (one row per household, per member, or a ledger of
 * its own kind) and the SQL condition that selects its rows. A figure of the report counts exactly the rows of its
 * ledger, because both use the same condition.
 */
final class LedgerCatalog {

    /** What one row of a ledger is. */
    enum Level { HOUSEHOLD, MEMBER, DROPOUT, WATER_POINT, TASK }

    /**
     * A ledger.
     *
     * @param where  SQL condition over {@code h} (household), {@code m} (member, MEMBER level), {@code d} (dropout
     *               case), {@code w} (water point) or {@code t} (task)
     * @param params the condition's parameters for a scope
     */
    record Ledger(String code, String title, Level level, String where, Function<ReportScope, List<Object>> params) {
    }


    static final String REGISTERED = "h.household_class <> 'GENERAL' AND h.registered_year <= ?";
    /**
     * A 监测对象 as of the scope's date (one parameter): its status then, as recorded by decisions (纳入监测, 风险消除) and
     * corrections in the status history, was MONITORED. A proposal of the tables never counts here.
     */
    static final String MONITORED = statusAsOf("monitoring_status") + " = 'MONITORED'";
    /** The 监测类型, in report order. */
    static final List<String> CATEGORIES = HouseholdStatus.CATEGORIES;
    static final String HOUSE_WORK = "EXISTS (SELECT 1 FROM registry_housing_work hw WHERE hw.household_id = h.id "
            + "AND hw.work_year = ? AND ";

    private static final Map<String, Ledger> LEDGERS = new LinkedHashMap<>();

    static {
        household("households", "全部农户", "1 = 1");
        household("registered", "建档立卡贫困户", REGISTERED, s -> List.of(s.year()));
        household("exited", "已脱贫户", REGISTERED + " AND h.exit_year <= ?", s -> List.of(s.year(), s.year()));
        household("exited-in-year", "当年脱贫户", REGISTERED + " AND h.exit_year = ?", s -> List.of(s.year(), s.year()));
        household("remaining", "未脱贫户", REGISTERED + " AND (h.exit_year IS NULL OR h.exit_year > ?)",
                s -> List.of(s.year(), s.year()));
        for (String[] m : new String[][] {{"unstable", "脱贫不稳定户"}, {"edge", "边缘易致贫户"}, {"sudden", "突发严重困难户"}}) {
            household(m[0], m[1] + "（已认定监测对象）", MONITORED + " AND " + statusAsOf("monitoring_category") + " = ?",
                    s -> List.of(s.asOf(), s.asOf(), m[1]));
        }
        household("monitoring", "监测对象（已认定）", MONITORED, s -> List.of(s.asOf()));
        household("risk-cleared", "风险已消除户（已认定）", statusAsOf("monitoring_status") + " = 'CLEARED'",
                s -> List.of(s.asOf()));
        // open proposals (待核实) are today's, whatever the report's date: the latest assessment against the status now
        household("pending-monitoring", "待核实：监测表拟纳入监测、尚未认定的农户", "(h.monitoring_status IS NULL OR "
                + "h.monitoring_status <> 'MONITORED') AND " + decision("monitoring", CATEGORIES.size()),
                s -> List.copyOf(CATEGORIES));
        household("pending-identification", "待核实：识别表拟识别、尚未识别的一般农户", "h.household_class = 'GENERAL' AND "
                + decision("identification", 1), s -> List.of("识别对象"));
        household("pending-exit", "待核实：退出表判定可退出、尚未退出的未脱贫户", "h.household_class = 'NOT_EXITED' AND "
                + decision("exit", 1), s -> List.of("可退出"));
        household("pending-clearance", "待核实：风险消除表建议消除、尚未消除的监测对象", "h.monitoring_status = 'MONITORED' AND "
                + decision("risk-cleared", 1), s -> List.of("建议消除"));
        household("relocated", "易地扶贫搬迁户", "h.relocated = TRUE AND h.relocation_year <= ?", s -> List.of(s.year()));
        household("relocated-recent", "近两年易地扶贫搬迁户", "h.relocated = TRUE AND h.relocation_year BETWEEN ? AND ?",
                s -> List.of(s.year() - 1, s.year()));
        household("family-doctor", "已签约家庭医生的建档立卡户", REGISTERED + " AND h.family_doctor_signed = TRUE",
                s -> List.of(s.year()));
        household("houses", "房屋安全鉴定农户", "h.house_use IS NOT NULL");
        for (String g : new String[] {"A", "B", "C", "D"}) {
            household("house-" + g, g + "级房屋农户", "h.house_use = '自住' AND h.house_grade = ?", s -> List.of(g));
        }
        household("house-production", "临时生产用房", "h.house_use = '临时生产用房'");
        household("house-idle", "闲置房屋", "h.house_use = '闲置'");
        household("housing-fixes", "当年危房改造户", HOUSE_WORK + "hw.kind = ?)", s -> List.of(s.year(), "危房改造"));
        household("living-upgrades", "当年人居环境改善户", HOUSE_WORK + "hw.kind = ?)", s -> List.of(s.year(), "人居环境"));
        household("water-served", "供水点覆盖农户", "h.water_point_id IS NOT NULL");
        household("water-served-registered", "供水点覆盖的建档立卡户", "h.water_point_id IS NOT NULL AND " + REGISTERED,
                s -> List.of(s.year()));
        household("low-income", "低保户", "h.low_income_allowance = TRUE");
        member("low-income-people", "低保对象", "m.low_income_allowance = TRUE");
        member("children", "6–16周岁儿童", "m.birth_date > ? AND m.birth_date <= ?",
                s -> List.of(s.asOf().minusYears(17), s.asOf().minusYears(6)));
        member("children-registered", "建档立卡户6–16周岁儿童", "m.birth_date > ? AND m.birth_date <= ? AND "
                + REGISTERED, s -> List.of(s.asOf().minusYears(17), s.asOf().minusYears(6), s.year()));
        member("education-aid", "教育资助学生", "m.education_aid IS NOT NULL");
        member("chronic-cards", "慢性病卡持卡人", "m.chronic_card = TRUE");
        member("public-welfare-jobs", "公益性岗位人员", "m.public_welfare_job = TRUE");
        member("insured", "参加基本医保人员", "m.medical_insured = TRUE");
        LEDGERS.put("dropouts", new Ledger("dropouts", "控辍保学台账", Level.DROPOUT, "YEAR(d.found_on) = ?",
                s -> List.of(s.year())));
        LEDGERS.put("water-points", new Ledger("water-points", "供水点台账", Level.WATER_POINT, "1 = 1",
                s -> List.of()));
        LEDGERS.put("tasks-open", new Ledger("tasks-open", "未办结监测任务", Level.TASK, "t.open_flag = 1",
                s -> List.of()));
        LEDGERS.put("tasks-overdue", new Ledger("tasks-overdue", "逾期监测任务", Level.TASK,
                "t.open_flag = 1 AND t.due_date < ?", s -> List.of(LocalDate.now(ZoneOffset.UTC))));
        LEDGERS.put("tasks-resolved", new Ledger("tasks-resolved", "已办结监测任务", Level.TASK,
                "t.status = 'RESOLVED'", s -> List.of()));
    }

    private LedgerCatalog() {
    }

    /** The household's latest assessment has one of {@code outcomes} (as many parameters) in this table. */
    private static String decision(String table, int outcomes) {
        return "EXISTS (SELECT 1 FROM assessment_head ah JOIN assessment_decision ad ON ad.assessment_id = "
                + "ah.assessment_id WHERE ah.household_id = h.id AND ad.table_id = '" + table + "' AND ad.outcome IN ("
                + String.join(", ", Collections.nCopies(outcomes, "?")) + "))";
    }

    /**
     * A status column of the household as of the scope's date (one parameter): the column of its latest status change
     * in effect on that date (by effective date, then record order); null when no change was in effect yet.
     */
    private static String statusAsOf(String column) {
        return "(SELECT c." + column + " FROM registry_status_change c WHERE c.household_id = h.id AND c.effective_on"
                + " <= ? ORDER BY c.effective_on DESC, c.id DESC LIMIT 1)";
    }

    private static void household(String code, String title, String where) {
        household(code, title, where, s -> List.of());
    }

    private static void household(String code, String title, String where, Function<ReportScope, List<Object>> params) {
        LEDGERS.put(code, new Ledger(code, title, Level.HOUSEHOLD, where, params));
    }

    private static void member(String code, String title, String where) {
        member(code, title, where, s -> List.of());
    }

    private static void member(String code, String title, String where, Function<ReportScope, List<Object>> params) {
        LEDGERS.put(code, new Ledger(code, title, Level.MEMBER, where, params));
    }

    /** A ledger by code; industry ledgers are {@code industry-<name>}, housing-work ledgers {@code work-<method>}. */
    static Optional<Ledger> find(String code) {
        Ledger fixed = LEDGERS.get(code);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        if (code.startsWith("industry-") && code.length() > 9) {
            String industry = code.substring(9);
            return Optional.of(new Ledger(code, industry + "产业户", Level.HOUSEHOLD, "EXISTS (SELECT 1 FROM "
                    + "registry_household_industry hi WHERE hi.household_id = h.id AND hi.industry = ?)",
                    s -> List.of(industry)));
        }
        if (code.startsWith("work-") && code.length() > 5) {
            String method = code.substring(5);
            return Optional.of(new Ledger(code, method + "（当年）", Level.HOUSEHOLD, HOUSE_WORK + "hw.method = ?)",
                    s -> List.of(s.year(), method)));
        }
        return Optional.empty();
    }


    static List<String> codes() {
        return new ArrayList<>(LEDGERS.keySet());
    }
}
