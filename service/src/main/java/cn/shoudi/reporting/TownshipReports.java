package cn.shoudi.reporting;

import cn.shoudi.Viewer;
import cn.shoudi.assessment.AssessmentService;
import cn.shoudi.registry.Measure;
import cn.shoudi.reporting.LedgerCatalog.Ledger;
import cn.shoudi.reporting.TownshipReport.Figure;
import cn.shoudi.reporting.TownshipReport.Section;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes the township report for a township, optionally one village, as of a date; and the ledger behind each figure.
 * Statuses are the registry's confirmed ones (户类型 and years; 监测对象 and 风险已消除 as the status history had them on
 * the date); what the latest assessments propose and no procedure has decided yet is reported apart, as 待核实.
 */
@Service
public class TownshipReports {

    /** The sections township facts go to, with their titles. */
    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("basic", "基本情况");
        SECTIONS.put("poverty", "精准识别和精准退出");
        SECTIONS.put("guarantees", "两不愁三保障");
        SECTIONS.put("monitoring", "防止返贫监测和任务");
        SECTIONS.put("income", "收入来源");
        SECTIONS.put("other", "其他工作");
    }

    private static final List<String> INDUSTRIES = List.of("烤烟", "中药材", "中蜂", "生猪", "山羊", "红薯");
    private static final List<String> FIXES = List.of("C级危房改造", "D级危房改造", "D级危房专项资金改造", "拆除重建",
            "易地扶贫搬迁", "维修加固", "随子女居住", "自建");
    private static final List<String> UPGRADES = List.of("改厕", "改厨", "D级危房配套设施", "院坝硬化及入户便道");

    private final LedgerQueries queries;
    private final TownshipFacts facts;
    private final AssessmentService assessments;
    private final JdbcClient jdbc;

    TownshipReports(LedgerQueries queries, TownshipFacts facts, AssessmentService assessments, JdbcClient jdbc) {
        this.queries = queries;
        this.facts = facts;
        this.assessments = assessments;
        this.jdbc = jdbc;
    }

    /** The request's scope; the township defaults to the first one stored, the date to the evaluation date. */
    @Transactional(readOnly = true)
    public ReportScope scope(Long townshipId, Long villageId, LocalDate asOf) {
        Long limited = Viewer.current().limitedToVillage();
        if (limited != null) {
            if (villageId != null && !villageId.equals(limited)) {
                throw new ReportNotFoundException("该乡镇没有这个行政村");
            }
            villageId = limited;
        }
        long township = townshipId != null ? townshipId : jdbc.sql("SELECT MIN(id) FROM registry_township")
                .query(Long.class).optional().orElseThrow(() -> new ReportNotFoundException("还没有乡镇数据"));
        if (jdbc.sql("SELECT COUNT(*) FROM registry_township WHERE id = ?").param(township).query(Long.class)
                .single() == 0) {
            throw new ReportNotFoundException("乡镇不存在");
        }
        if (villageId != null && jdbc.sql("SELECT COUNT(*) FROM registry_village WHERE id = ? AND township_id = ?")
                .params(villageId, township).query(Long.class).single() == 0) {
            throw new ReportNotFoundException("该乡镇没有这个行政村");
        }
        return new ReportScope(township, villageId, asOf != null ? asOf : assessments.asOf());
    }

    @Transactional(readOnly = true)
    public TownshipReport report(ReportScope s) {
        String[] names = jdbc.sql("SELECT name, county FROM registry_township WHERE id = ?").param(s.townshipId())
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        String village = s.villageId() == null ? null : jdbc.sql("SELECT name FROM registry_village WHERE id = ?")
                .param(s.villageId()).query(String.class).single();
        Map<String, List<Figure>> sections = new LinkedHashMap<>();
        SECTIONS.keySet().forEach(k -> sections.put(k, new ArrayList<>()));
        basic(s, sections.get("basic"));
        poverty(s, sections.get("poverty"));
        guarantees(s, sections.get("guarantees"));
        monitoring(s, sections.get("monitoring"));
        income(s, sections.get("income"));
        if (s.villageId() == null) {
            for (TownshipFact f : facts.find(s.townshipId(), s.year())) {
                sections.getOrDefault(SECTIONS.containsKey(f.section()) ? f.section() : "other", sections.get("other"))
                        .add(new Figure(f.code(), f.label(), null, null, f.amount(), f.unit(), null, f.source()));
            }
        }
        List<Section> list = new ArrayList<>();
        sections.forEach((k, v) -> list.add(new Section(k, SECTIONS.get(k), v)));
        return new TownshipReport(s.townshipId(), names[0], names[1], s.villageId(), village, s.asOf(), list);
    }

    /** The ledger with this code in the scope, or empty for an unknown code. */
    @Transactional(readOnly = true)
    public Optional<LedgerView> ledger(String code, ReportScope s) {
        return LedgerCatalog.find(code).map(l -> {
            LedgerQueries.Rows rows = queries.rows(l, s);
            return new LedgerView(l.code(), l.title(), s.asOf(), rows.columns(), rows.rows());
        });
    }

    private void basic(ReportScope s, List<Figure> out) {
        String villageFilter = s.villageId() == null ? "" : " AND v.id = " + s.villageId();
        long villages = scalar("SELECT COUNT(*) FROM registry_village v WHERE v.township_id = ?" + villageFilter, s);
        long poor = scalar("SELECT COUNT(*) FROM registry_village v WHERE v.poor_village = TRUE AND v.township_id = ?"
                + villageFilter, s);
        long groups = scalar("SELECT COUNT(*) FROM registry_villager_group g JOIN registry_village v ON v.id = "
                + "g.village_id WHERE v.township_id = ?" + villageFilter, s);
        out.add(amount("villages", "行政村", villages, "个"));
        out.add(amount("poor_villages", "其中贫困村", poor, "个"));
        out.add(amount("groups", "村民小组", groups, "个"));
        out.add(households(s, "households", "户籍人口", "households"));
        if (s.villageId() == null) {
            out.add(amount("info_officers_township", "乡镇扶贫信息员", scalar("SELECT COUNT(*) FROM registry_cadre c WHERE "
                    + "c.township_id = ? AND c.village_id IS NULL AND c.role = 'INFO_OFFICER' AND c.active = TRUE", s),
                    "人"));
        }
        out.add(amount("info_officers_village", "村扶贫信息员", scalar("SELECT COUNT(*) FROM registry_cadre c JOIN "
                + "registry_village v ON v.id = c.village_id WHERE v.township_id = ? AND c.role = 'INFO_OFFICER' AND "
                + "c.active = TRUE" + villageFilter, s), "人"));
        out.add(amount("helper_cadres", "帮扶责任人", scalar("SELECT COUNT(*) FROM registry_cadre c JOIN registry_village"
                + " v ON v.id = c.village_id WHERE v.township_id = ? AND c.role = 'HELPER' AND c.active = TRUE"
                + villageFilter, s), "人"));
    }

    private void poverty(ReportScope s, List<Figure> out) {
        out.add(households(s, "registered", "建档立卡贫困户", "registered"));
        out.add(households(s, "exited", "已脱贫", "exited"));
        out.add(households(s, "exited_in_year", s.year() + "年脱贫", "exited-in-year"));
        out.add(households(s, "remaining", "未脱贫", "remaining"));
        out.add(households(s, "pending_exit", "待核实：退出表判定可退出、尚未退出", "pending-exit"));
        out.add(households(s, "pending_identification", "待核实：识别表拟识别、尚未识别", "pending-identification"));
        out.add(households(s, "relocated", "易地扶贫搬迁（累计）", "relocated"));
        out.add(households(s, "relocated_recent", (s.year() - 1) + "–" + s.year() + "年易地扶贫搬迁", "relocated-recent"));
    }

    private void guarantees(ReportScope s, List<Figure> out) {
        out.add(members(s, "children", "6–16周岁儿童", "children"));
        out.add(members(s, "children_registered", "其中建档立卡户儿童", "children-registered"));
        LedgerQueries.Count dropouts = count("dropouts", s);
        out.add(new Figure("dropouts", "控辍保学：发现辍学", null, null, dropouts.amount(), "人", "dropouts", null));
        out.add(members(s, "education_aid", "教育资助学生", "education-aid"));
        for (String[] stage : new String[][] {{"aid_preschool", "学前"}, {"aid_compulsory", "义务教育"},
                {"aid_high_school", "高中阶段"}}) {
            out.add(membersWhere(s, stage[0], "其中" + stage[1], "education-aid", "m.education_aid = ?", stage[1]));
        }
        out.add(members(s, "insured", "参加基本医保", "insured"));
        out.add(members(s, "chronic_cards", "办理慢性病卡", "chronic-cards"));
        Figure registered = households(s, "registered", "", "registered");
        Figure doctor = households(s, "family_doctor", "建档立卡户家庭医生签约", "family-doctor");
        out.add(doctor);
        out.add(new Figure("family_doctor_rate", "建档立卡户家庭医生签约率", null, null,
                percent(doctor.households(), registered.households()), "%", "family-doctor", null));
        Figure houses = households(s, "houses", "房屋安全鉴定农户", "houses");
        out.add(houses);
        out.add(new Figure("house_buildings", "鉴定房屋", null, null, BigDecimal.valueOf(scalar("SELECT "
                + "COALESCE(SUM(h.house_buildings), 0) FROM registry_household h JOIN registry_village v ON v.id = "
                + "h.village_id WHERE v.township_id = ? AND h.status = 'ACTIVE'" + (s.villageId() == null ? ""
                : " AND v.id = " + s.villageId()), s)), "栋", "houses", null));
        for (String g : new String[] {"A", "B", "C", "D"}) {
            out.add(households(s, "house_" + g.toLowerCase(), g + "级", "house-" + g));
        }
        out.add(households(s, "house_production", "临时生产用房", "house-production"));
        out.add(households(s, "house_idle", "闲置房屋", "house-idle"));
        out.add(households(s, "housing_fixes", s.year() + "年危房改造", "housing-fixes"));
        for (String m : FIXES) {
            out.add(households(s, "fix_" + m, "其中" + m, "work-" + m));
        }
        out.add(households(s, "living_upgrades", s.year() + "年人居环境改善", "living-upgrades"));
        for (String m : UPGRADES) {
            out.add(households(s, "upgrade_" + m, "其中" + m, "work-" + m));
        }
        out.add(new Figure("water_points", "供水点", null, null, count("water-points", s).amount(), "个",
                "water-points", null));
        out.add(new Figure("water_investment", "供水点投资", null, null, queries.waterInvestment(s), "元",
                "water-points", null));
        out.add(households(s, "water_served", "供水点覆盖", "water-served"));
        out.add(households(s, "water_served_registered", "其中建档立卡户", "water-served-registered"));
    }

    private void monitoring(ReportScope s, List<Figure> out) {
        out.add(households(s, "monitoring_objects", "监测对象（已认定）", "monitoring"));
        out.add(households(s, "unstable", "其中脱贫不稳定户", "unstable"));
        out.add(households(s, "edge", "其中边缘易致贫户", "edge"));
        out.add(households(s, "sudden", "其中突发严重困难户", "sudden"));
        out.add(households(s, "risk_cleared", "风险已消除（已认定）", "risk-cleared"));
        out.add(households(s, "pending_monitoring", "待核实：监测表拟纳入监测、尚未认定", "pending-monitoring"));
        out.add(households(s, "pending_clearance", "待核实：风险消除表建议消除、尚未消除", "pending-clearance"));
        out.add(new Figure("tasks_open", "未办结任务", null, null, count("tasks-open", s).amount(), "件", "tasks-open",
                null));
        out.add(new Figure("tasks_overdue", "其中逾期", null, null, count("tasks-overdue", s).amount(), "件",
                "tasks-overdue", null));
        out.add(new Figure("tasks_resolved", "已办结任务", null, null, count("tasks-resolved", s).amount(), "件",
                "tasks-resolved", null));
        Map<Measure, Long> byMeasure = new LinkedHashMap<>();
        List<Object> p = new ArrayList<>(List.of(s.townshipId()));
        String village = s.villageId() == null ? "" : " AND v.id = ?";
        if (s.villageId() != null) {
            p.add(s.villageId());
        }
        jdbc.sql("SELECT t.id, vi.measures FROM monitoring_task t JOIN monitoring_task_visit vi ON vi.task_id = t.id "
                        + "JOIN registry_household h ON h.id = t.household_id JOIN registry_village v ON v.id = "
                        + "h.village_id WHERE t.status = 'RESOLVED' AND v.township_id = ?" + village)
                .params(p).query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).list().stream()
                .flatMap(r -> Arrays.stream(((String) r[1]).split(",")).filter(m -> !m.isBlank())
                        .map(m -> r[0] + ":" + m.trim()))
                .distinct()
                .forEach(k -> Measure.parse(k.substring(k.indexOf(':') + 1))
                        .ifPresent(m -> byMeasure.merge(m, 1L, Long::sum)));
        for (Measure m : Measure.values()) {
            out.add(new Figure("resolved_by_" + m.name().toLowerCase(), "已办结任务采取措施：" + m.label(), null, null,
                    BigDecimal.valueOf(byMeasure.getOrDefault(m, 0L)), "件", null, null));
        }
    }

    private void income(ReportScope s, List<Figure> out) {
        for (String industry : INDUSTRIES) {
            Ledger l = LedgerCatalog.find("industry-" + industry).orElseThrow();
            LedgerQueries.Count c = queries.count(l, s);
            BigDecimal scale = industryScale(s, industry);
            String unit = jdbc.sql("SELECT MIN(unit) FROM registry_household_industry WHERE industry = ?")
                    .param(industry).query(String.class).optional().orElse("");
            out.add(new Figure("industry_" + industry, industry, c.households(), c.people(), scale, unit,
                    l.code(), null));
            out.add(householdsWhere(s, "industry_" + industry + "_registered", "其中建档立卡户", l,
                    LedgerCatalog.REGISTERED, s.year()));
        }
        out.add(households(s, "order_help", "订单帮扶建档立卡户", "industry-订单帮扶"));
        out.add(households(s, "dividends", "土地入股分红户", "industry-土地入股分红"));
        out.add(members(s, "public_welfare_jobs", "公益性岗位", "public-welfare-jobs"));
        Figure lowIncome = households(s, "low_income", "低保户", "low-income");
        Figure covered = members(s, "low_income_people", "低保对象", "low-income-people");
        out.add(new Figure("low_income", "低保", lowIncome.households(), covered.people(), null, null,
                "low-income-people", null));
    }

    private BigDecimal industryScale(ReportScope s, String industry) {
        List<Object> p = new ArrayList<>(List.of(industry, s.townshipId()));
        if (s.villageId() != null) {
            p.add(s.villageId());
        }
        return jdbc.sql("SELECT COALESCE(SUM(hi.quantity), 0) FROM registry_household_industry hi JOIN "
                        + "registry_household h ON h.id = hi.household_id JOIN registry_village v ON v.id = h.village_id"
                        + " WHERE hi.industry = ? AND h.status = 'ACTIVE' AND v.township_id = ?"
                        + (s.villageId() == null ? "" : " AND v.id = ?"))
                .params(p).query(BigDecimal.class).single().stripTrailingZeros();
    }

    private Figure households(ReportScope s, String code, String label, String ledger) {
        LedgerQueries.Count c = count(ledger, s);
        return new Figure(code, label, c.households(), c.people(), null, null, ledger, null);
    }

    private Figure householdsWhere(ReportScope s, String code, String label, Ledger base, String extra, Object param) {
        Ledger l = new Ledger(base.code(), base.title(), base.level(), base.where() + " AND " + extra, sc -> {
            List<Object> p = new ArrayList<>(base.params().apply(sc));
            p.add(param);
            return p;
        });
        LedgerQueries.Count c = queries.count(l, s);
        return new Figure(code, label, c.households(), c.people(), null, null, base.code(), null);
    }

    private Figure members(ReportScope s, String code, String label, String ledger) {
        LedgerQueries.Count c = count(ledger, s);
        return new Figure(code, label, c.households(), c.people(), null, "人", ledger, null);
    }

    private Figure membersWhere(ReportScope s, String code, String label, String ledger, String extra, Object param) {
        Ledger base = LedgerCatalog.find(ledger).orElseThrow();
        Figure f = householdsWhere(s, code, label, base, extra, param);
        return new Figure(f.code(), f.label(), f.households(), f.people(), null, "人", ledger, null);
    }

    private LedgerQueries.Count count(String ledger, ReportScope s) {
        return queries.count(LedgerCatalog.find(ledger).orElseThrow(), s);
    }

    private long scalar(String sql, ReportScope s) {
        return jdbc.sql(sql).param(s.townshipId()).query(Long.class).single();
    }

    private static Figure amount(String code, String label, long value, String unit) {
        return new Figure(code, label, null, null, BigDecimal.valueOf(value), unit, null, null);
    }

    private static BigDecimal percent(Long part, Long whole) {
        return whole == null || whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part * 100).divide(
                BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
