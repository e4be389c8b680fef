package cn.shoudi.reporting;

import cn.shoudi.Privacy;
import cn.shoudi.registry.MonitoringStatus;
import cn.shoudi.reporting.LedgerCatalog.Ledger;
import cn.shoudi.rules.facts.HouseholdClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts and lists the rows of a ledger in a scope (township, optional village). Read-only SQL over the registry,
 * assessment and monitoring tables; ID numbers are masked in every row.
 */
@Component
class LedgerQueries {

    /** A ledger's size: households, people (members), and an amount where the ledger has one. */
    record Count(long households, long people, BigDecimal amount) {
    }

    /** A ledger's rows, with the column names in Chinese. */
    record Rows(List<String> columns, List<List<Object>> rows) {
    }

    private static final String HOUSEHOLD_FROM = " FROM registry_household h JOIN registry_village v ON v.id = h.village_id"
            + " JOIN registry_villager_group g ON g.id = h.group_id";

    private final JdbcClient jdbc;

    LedgerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Count count(Ledger l, ReportScope s) {
        List<Object> p = new ArrayList<>();
        String where = where(l, s, p);
        return switch (l.level()) {
            case HOUSEHOLD -> jdbc.sql("SELECT COUNT(*), COALESCE(SUM(x.n), 0) FROM (SELECT (SELECT COUNT(*) FROM "
                            + "registry_member m WHERE m.household_id = h.id) n" + HOUSEHOLD_FROM + where + ") x")
                    .params(p).query((rs, i) -> new Count(rs.getLong(1), rs.getLong(2), null)).single();
            case MEMBER -> jdbc.sql("SELECT COUNT(DISTINCT h.id), COUNT(*) FROM registry_member m JOIN registry_household"
                            + " h ON h.id = m.household_id JOIN registry_village v ON v.id = h.village_id" + where)
                    .params(p).query((rs, i) -> new Count(rs.getLong(1), rs.getLong(2), null)).single();
            case DROPOUT -> jdbc.sql("SELECT COUNT(DISTINCT h.id), COUNT(*) FROM registry_dropout_case d JOIN "
                            + "registry_household h ON h.id = d.household_id JOIN registry_village v ON v.id = "
                            + "h.village_id" + where)
                    .params(p).query((rs, i) -> new Count(rs.getLong(1), 0, BigDecimal.valueOf(rs.getLong(2))))
                    .single();
            case WATER_POINT -> jdbc.sql("SELECT COUNT(*), COALESCE(SUM(w.investment), 0) FROM registry_water_point w "
                            + "JOIN registry_village v ON v.id = w.village_id" + where)
                    .params(p).query((rs, i) -> new Count(0, 0, BigDecimal.valueOf(rs.getLong(1))))
                    .single();
            case TASK -> jdbc.sql("SELECT COUNT(DISTINCT h.id), COUNT(*) FROM monitoring_task t JOIN registry_household h"
                            + " ON h.id = t.household_id JOIN registry_village v ON v.id = h.village_id" + where)
                    .params(p).query((rs, i) -> new Count(rs.getLong(1), 0, BigDecimal.valueOf(rs.getLong(2))))
                    .single();
        };
    }

    /** Total investment of the water points in scope (元). */
    BigDecimal waterInvestment(ReportScope s) {
        List<Object> p = new ArrayList<>();
        String where = where(LedgerCatalog.find("water-points").orElseThrow(), s, p);
        return jdbc.sql("SELECT COALESCE(SUM(w.investment), 0) FROM registry_water_point w JOIN registry_village v "
                + "ON v.id = w.village_id" + where).params(p).query(BigDecimal.class).single();
    }

    Rows rows(Ledger l, ReportScope s) {
        List<Object> p = new ArrayList<>();
        String where = where(l, s, p);
        return switch (l.level()) {
            case HOUSEHOLD -> new Rows(List.of("户编号", "村", "组", "户主", "户主身份证号", "人口", "户类型", "建档立卡年份",
                    "脱贫年份", "家庭纯收入（元）", "房屋安全等级", "住房用途", "低保户", "监测状态", "监测类型", "纳入监测日期",
                    "风险消除日期"), jdbc.sql("SELECT h.household_no, v.name,"
                            + " g.name, hm.name, hm.id_number, (SELECT COUNT(*) FROM registry_member m WHERE "
                            + "m.household_id = h.id), h.household_class, h.registered_year, h.exit_year, h.net_income, "
                            + "h.house_grade, h.house_use, h.low_income_allowance, h.monitoring_status, "
                            + "h.monitoring_category, h.monitoring_since, h.risk_cleared_on" + HOUSEHOLD_FROM
                            + " LEFT JOIN registry_member hm ON hm.household_id = h.id AND hm.relation = '户主'" + where
                            + " ORDER BY h.household_no")
                    .params(p).query((rs, i) -> row(rs, 17, 5)).list().stream().map(LedgerQueries::statusLabels)
                    .toList());
            case MEMBER -> new Rows(List.of("姓名", "身份证号", "性别", "出生日期", "年龄", "与户主关系", "户编号", "村", "组",
                    "健康状况", "就学情况", "教育资助", "低保对象", "公益性岗位", "慢性病卡"), jdbc.sql("SELECT m.name, "
                            + "m.id_number, m.sex, m.birth_date, 0, m.relation, h.household_no, v.name, g.name, m.health,"
                            + " m.schooling, m.education_aid, m.low_income_allowance, m.public_welfare_job, "
                            + "m.chronic_card FROM registry_member m JOIN registry_household h ON h.id = m.household_id"
                            + " JOIN registry_village v ON v.id = h.village_id JOIN registry_villager_group g ON g.id = "
                            + "h.group_id" + where + " ORDER BY h.household_no, m.position")
                    .params(p).query((rs, i) -> {
                        List<Object> r = row(rs, 15, 2);
                        LocalDate born = rs.getDate(4).toLocalDate();
                        r.set(3, born);
                        r.set(4, Period.between(born, s.asOf()).getYears());
                        return r;
                    }).list());
            case DROPOUT -> new Rows(List.of("姓名", "身份证号", "户编号", "村", "组", "发现日期", "原因", "处理结果", "办结日期"),
                    jdbc.sql("SELECT d.member_name, d.id_number, h.household_no, v.name, g.name, d.found_on, d.reason, "
                                    + "d.outcome, d.resolved_on FROM registry_dropout_case d JOIN registry_household h "
                                    + "ON h.id = d.household_id JOIN registry_village v ON v.id = h.village_id JOIN "
                                    + "registry_villager_group g ON g.id = h.group_id" + where + " ORDER BY d.found_on")
                            .params(p).query((rs, i) -> row(rs, 9, 2)).list());
            case WATER_POINT -> new Rows(List.of("供水点", "村", "类型", "建成年份", "投资（元）", "管水员", "覆盖户数",
                    "覆盖人数"), jdbc.sql("SELECT w.name, v.name, w.kind, w.built_year, w.investment, w.keeper_name, "
                            + "(SELECT COUNT(*) FROM registry_household h WHERE h.water_point_id = w.id), (SELECT "
                            + "COUNT(*) FROM registry_member m JOIN registry_household h ON h.id = m.household_id WHERE "
                            + "h.water_point_id = w.id) FROM registry_water_point w JOIN registry_village v ON v.id = "
                            + "w.village_id" + where + " ORDER BY w.id")
                    .params(p).query((rs, i) -> row(rs, 8, 0)).list());
            case TASK -> new Rows(List.of("任务号", "户编号", "村", "任务类型", "状态", "规则", "办理期限", "原因"),
                    jdbc.sql("SELECT t.id, h.household_no, v.name, t.task_type, t.status, t.finding_code, t.due_date, "
                                    + "t.reason FROM monitoring_task t JOIN registry_household h ON h.id = "
                                    + "t.household_id JOIN registry_village v ON v.id = h.village_id" + where
                                    + " ORDER BY t.due_date, t.id")
                            .params(p).query((rs, i) -> row(rs, 8, 0)).list());
        };
    }

    private static String where(Ledger l, ReportScope s, List<Object> p) {
        StringBuilder w = new StringBuilder(" WHERE v.township_id = ?");
        p.add(s.townshipId());
        if (l.level() != LedgerCatalog.Level.WATER_POINT) {
            w.append(" AND h.status = 'ACTIVE'");
        }
        if (s.villageId() != null) {
            w.append(" AND v.id = ?");
            p.add(s.villageId());
        }
        w.append(" AND (").append(l.where()).append(')');
        p.addAll(l.params().apply(s));
        return w.toString();
    }

    /** A row of {@code columns} values; the value at {@code idColumn} (1-based, 0 for none) is masked. */
    private static List<Object> row(ResultSet rs, int columns, int idColumn) throws SQLException {
        List<Object> r = new ArrayList<>(columns);
        for (int c = 1; c <= columns; c++) {
            Object v = rs.getObject(c);
            if (v instanceof Date d) {
                v = d.toLocalDate();
            } else if (v instanceof Boolean b) {
                v = b ? "是" : "否";
            }
            r.add(c == idColumn && v != null ? Privacy.maskIdNumber(v.toString()) : v);
        }
        return r;
    }

    /** The household class and the monitoring status of a household row in Chinese. */
    private static List<Object> statusLabels(List<Object> r) {
        Object c = r.get(6);
        r.set(6, c == null ? null : HouseholdClass.valueOf(c.toString()).label());
        Object m = r.get(13);
        r.set(13, m == null ? null : MonitoringStatus.valueOf(m.toString()).label());
        return r;
    }
}
