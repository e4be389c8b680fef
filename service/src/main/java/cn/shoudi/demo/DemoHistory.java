package cn.shoudi.demo;

import cn.shoudi.monitoring.HouseholdVisits;
import cn.shoudi.monitoring.TaskCommands.VisitData;
import cn.shoudi.procedure.ProcedureService;
import cn.shoudi.procedure.ProcedureService.Start;
import cn.shoudi.procedure.ProcedureService.Take;
import cn.shoudi.registry.HouseholdData;
import cn.shoudi.registry.MemberData;
import cn.shoudi.registry.Registrar;
import cn.shoudi.registry.TownshipData;
import cn.shoudi.registry.TownshipData.HouseholdSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A short scripted 2020–2021 history of four households of 联合乡, played right after the load through the product's
 * own services (procedures, visits, the registry) as the system account, so that a fresh demo shows the monitoring
 * lifecycle end to end (see {@link Cast} for who is who):
 * <ol>
 *   <li>a 一般农户 whose head fell ill applies in April 2020, passes 纳入监测 as 边缘易致贫户, gets medical aid, a job and
 *       bees, and is cleared (风险消除) in June 2021;</li>
 *   <li>a 脱贫不稳定户 of the 两摸底 list gets help with industry, a job and a public-welfare post; its income rises above
 *       the line (its registry income becomes the 2021 one) and it is cleared in April 2021;</li>
 *   <li>a 脱贫户 without labour enters monitoring in June 2020 and receives 低保 and medical aid; its 风险消除 is refused at
 *       the village review in September 2021 (无劳动力户暂不标注风险消除), so it stays a 监测对象;</li>
 *   <li>a 一般农户 whose house the July 2021 rainstorm damaged is helped first and enters monitoring as 突发严重困难户
 *       through the 绿色通道;</li>
 *   <li>a 脱贫户 helped by the demo cadre {@code ganbu} loses its migrant work in December 2021: its income falls under
 *       the line, the monitoring table proposes it (脱贫不稳定户) and a 入户核实 task waits in the cadre's inbox; nobody
 *       has decided yet, so it is 待核实, not a 监测对象.</li>
 * </ol>
 * Households, dates and document numbers are the demo's inventions. As of 2021-12-31 the township has 31 监测对象
 * (脱贫不稳定户 16, 边缘易致贫户 14, 突发严重困难户 1), 2 风险已消除 and 1 proposal to verify; as of 2019-12-31, the seed
 * report's 16 and 14.
 */
@Component
@ConditionalOnProperty(name = "shoudi.demo.enabled", havingValue = "true")
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final Set<String> LABOUR = Set.of("普通劳动力", "技能劳动力");
    private static final Set<String> NO_LABOUR = Set.of("丧失劳动力", "无劳动力");

    /**
     * The four households of the script.
     *
     * @param recovered     一般农户, lowest income with labour: 纳入监测 2020 (边缘易致贫户), 风险消除 2021
     * @param unstable      the first 脱贫不稳定户 of the 两摸底 list with labour: 风险消除 2021 after its income rose
     * @param withoutLabour the 脱贫户 with the lowest income whose members all have no labour: 纳入监测 2020, stays
     * @param flooded       一般农户, second-lowest income with labour: 绿色通道 2021 (突发严重困难户)
     * @param fallen        the first 脱贫户 {@code ganbu} helps, with labour and wages enough to lose: its income falls
     *                      at the end of 2021 (待核实)
     */
    record Cast(HouseholdSpec recovered, HouseholdSpec unstable, HouseholdSpec withoutLabour, HouseholdSpec flooded,
                HouseholdSpec fallen) {

        static Cast of(TownshipData t) {
            Comparator<HouseholdSpec> poorestFirst = Comparator.comparing((HouseholdSpec h) -> perCapita(h.data()))
                    .thenComparing(h -> h.data().householdNo());
            List<HouseholdSpec> ordinary = t.households().stream().filter(h -> "一般农户".equals(
                    h.data().householdClass()) && h.decisions().isEmpty() && h.helperKey() == null
                    && anyMember(h, DemoHistory::hasLabour)).sorted(poorestFirst).limit(2).toList();
            HouseholdSpec unstable = t.households().stream().filter(h -> "脱贫户".equals(h.data().householdClass())
                            && h.decisions().size() == 2 && anyMember(h, DemoHistory::hasLabour))
                    .min(Comparator.comparing(h -> h.data().householdNo())).orElseThrow();
            HouseholdSpec withoutLabour = t.households().stream().filter(h -> "脱贫户".equals(
                            h.data().householdClass()) && h.decisions().size() == 1
                            && !anyMember(h, m -> m.labour() == null || !NO_LABOUR.contains(m.labour())))
                    .min(poorestFirst).orElseThrow();
            HouseholdSpec fallen = t.households().stream().filter(h -> "脱贫户".equals(h.data().householdClass())
                            && h.decisions().size() == 1 && DemoAccounts.CADRE_KEY.equals(h.helperKey())
                            && anyMember(h, DemoHistory::hasLabour) && wages(h.data()).compareTo(
                            h.data().netIncome().subtract(perHead(h.data(), FALLEN_PER_CAPITA))) >= 0)
                    .min(Comparator.comparing(h -> h.data().householdNo())).orElseThrow();
            return new Cast(ordinary.get(0), unstable, withoutLabour, ordinary.get(1), fallen);
        }

        private static boolean anyMember(HouseholdSpec h, Predicate<MemberData> p) {
            return h.data().members().stream().anyMatch(p);
        }

        private static BigDecimal perCapita(HouseholdData d) {
            return d.netIncome().divide(BigDecimal.valueOf(d.members().size()), 0, RoundingMode.DOWN);
        }
    }

    /** The income per head of the household that lost its work, under the 2019 and 2021 lines (5,000 and 6,000). */
    private static final long FALLEN_PER_CAPITA = 4_600;

    private static BigDecimal perHead(HouseholdData d, long perCapita) {
        return BigDecimal.valueOf(d.members().size()).multiply(BigDecimal.valueOf(perCapita));
    }

    private static BigDecimal wages(HouseholdData d) {
        Object wages = d.facts() == null ? null : d.facts().get("wageIncome");
        return wages == null ? BigDecimal.ZERO : new BigDecimal(wages.toString());
    }

    private static boolean hasLabour(MemberData m) {
        return m.labour() != null && LABOUR.contains(m.labour());
    }

    private final ProcedureService procedures;
    private final HouseholdVisits visits;
    private final Registrar registrar;

    DemoHistory(ProcedureService procedures, HouseholdVisits visits, Registrar registrar) {
        this.procedures = procedures;
        this.visits = visits;
        this.registrar = registrar;
    }

    /** Plays the script on the township just loaded; {@code cadreIds} are the loader's, by cadre key. */
    void play(TownshipData township, Map<String, Long> cadreIds) {
        long started = System.nanoTime();
        Cast cast = Cast.of(township);
        recovered(new Actor(cast.recovered(), cadreIds));
        unstable(new Actor(cast.unstable(), cadreIds));
        withoutLabour(new Actor(cast.withoutLabour(), cadreIds));
        flooded(new Actor(cast.flooded(), cadreIds));
        fallen(new Actor(cast.fallen(), cadreIds));
        log.info("demo history 2020–2021 played for households {}, {}, {}, {}, {} in {} ms",
                cast.recovered().data().householdNo(), cast.unstable().data().householdNo(),
                cast.withoutLabour().data().householdNo(), cast.flooded().data().householdNo(),
                cast.fallen().data().householdNo(), (System.nanoTime() - started) / 1_000_000);
    }

    private void recovered(Actor a) {
        long entry = a.start("纳入监测", "APPLICATION", "边缘易致贫户", false, "2020-04-07",
                "户主因病住院，申请纳入监测");
        a.take(entry, "VERIFICATION", "PASSED", "2020-04-09", "入户核实（2人）：户主住院治疗，自付医疗费用较大，"
                + "当年人均纯收入预计低于监测线", null);
        a.take(entry, "VILLAGE_REVIEW", "PASSED", "2020-04-10", "村民代表民主评议：同意纳入边缘易致贫户", null);
        a.take(entry, "VILLAGE_NOTICE", "POSTED", "2020-04-10", "在村务公开栏公示", null);
        a.take(entry, "VILLAGE_NOTICE", "PASSED", "2020-04-15", "公示无异议", null);
        a.take(entry, "TOWNSHIP_REVIEW", "PASSED", "2020-04-17", "乡镇审核同意", null);
        a.take(entry, "COUNTY_APPROVAL", "PASSED", "2020-04-21", "县级审定纳入监测", "演示文号：彭乡振监〔2020〕12号");
        a.visit("2020-05-20", "落实医疗救助，联系县内务工岗位", List.of("医疗救助", "就业"), null, null);
        a.visit("2020-11-18", "发展中蜂养殖10群，医疗费用已报销", List.of("产业"), true, false);
        a.visit("2021-05-10", "户主康复后在县城务工，收入稳定半年以上，人均纯收入高于监测线", List.of(), true, false);
        long clearance = a.start("风险消除", "FINDING", null, false, "2021-05-12", "风险消除表建议消除");
        a.take(clearance, "VERIFICATION", "PASSED", "2021-05-14", "入户核实（2人）：收入稳定，无新风险", null);
        a.take(clearance, "VILLAGE_REVIEW", "PASSED", "2021-05-17", "民主评议：同意标注风险消除", null);
        a.take(clearance, "VILLAGE_NOTICE", "POSTED", "2021-05-17", "在村务公开栏公示", null);
        a.take(clearance, "VILLAGE_NOTICE", "PASSED", "2021-05-24", "公示无异议", null);
        a.take(clearance, "TOWNSHIP_REVIEW", "PASSED", "2021-05-27", "乡镇审核同意", null);
        a.take(clearance, "COUNTY_APPROVAL", "PASSED", "2021-06-01", "县级审批并公告", "演示文号：彭乡振监〔2021〕21号");
    }

    private void unstable(Actor a) {
        a.visit("2020-03-16", "两摸底脱贫不稳定户：发展生猪养殖，推荐外出务工", List.of("产业", "就业"), null, null);
        a.visit("2020-09-10", "安排公益性岗位（护林员）", List.of("公益性岗位"), true, false);
        a.visit("2021-03-22", "务工和养殖收入增加，人均纯收入稳定高于监测线", List.of(), true, false);
        a.changeIncome(7_200, 6_400L, Map.of("incomeStableMonths", 9), UnaryOperator.identity());
        long clearance = a.start("风险消除", "FINDING", null, false, "2021-04-06", "风险消除表建议消除");
        a.take(clearance, "VERIFICATION", "PASSED", "2021-04-08", "入户核实（2人）：收入稳定，刚性支出已解决", null);
        a.take(clearance, "VILLAGE_REVIEW", "PASSED", "2021-04-12", "民主评议：同意标注风险消除", null);
        a.take(clearance, "VILLAGE_NOTICE", "POSTED", "2021-04-12", "在村务公开栏公示", null);
        a.take(clearance, "VILLAGE_NOTICE", "PASSED", "2021-04-19", "公示无异议", null);
        a.take(clearance, "TOWNSHIP_REVIEW", "PASSED", "2021-04-22", "乡镇审核同意", null);
        a.take(clearance, "COUNTY_APPROVAL", "PASSED", "2021-04-27", "县级审批并公告", "演示文号：彭乡振监〔2021〕15号");
    }

    private void withoutLabour(Actor a) {
        long entry = a.start("纳入监测", "VISIT", "脱贫不稳定户", false, "2020-06-02",
                "走访发现：老人患慢性病，医疗支出大，无劳动力");
        a.take(entry, "VERIFICATION", "PASSED", "2020-06-04", "入户核实（2人）：全户无劳动力，医疗支出较大", null);
        a.take(entry, "VILLAGE_REVIEW", "PASSED", "2020-06-05", "民主评议：同意纳入脱贫不稳定户", null);
        a.take(entry, "VILLAGE_NOTICE", "POSTED", "2020-06-05", "在村务公开栏公示", null);
        a.take(entry, "VILLAGE_NOTICE", "PASSED", "2020-06-10", "公示无异议", null);
        a.take(entry, "TOWNSHIP_REVIEW", "PASSED", "2020-06-12", "乡镇审核同意", null);
        a.take(entry, "COUNTY_APPROVAL", "PASSED", "2020-06-16", "县级审定纳入监测", "演示文号：彭乡振监〔2020〕19号");
        a.visit("2020-07-08", "纳入低保，落实医疗救助", List.of("低保", "医疗救助"), null, null);
        a.visit("2021-01-12", "春节前发放临时救助", List.of("临时救助"), true, false);
        long clearance = a.start("风险消除", "VISIT", null, false, "2021-09-06", "兜底后收入已高于监测线");
        a.take(clearance, "VERIFICATION", "PASSED", "2021-09-08", "入户核实（2人）：兜底后收入高于监测线，但全户无劳动力",
                null);
        a.take(clearance, "VILLAGE_REVIEW", "REJECTED", "2021-09-10", "民主评议：全户无劳动力，按规定暂不标注风险消除，继续监测",
                null);
    }

    private void flooded(Actor a) {
        a.visit("2021-07-12", "7月10日暴雨致房屋受损：先行发放临时救助，安排维修加固", List.of("临时救助", "危房改造"),
                null, true);
        long entry = a.start("纳入监测", "ALERT", "突发严重困难户", true, "2021-07-12",
                "应急部门灾情预警：暴雨致房屋受损，先帮扶后补办程序");
        a.take(entry, "VERIFICATION", "PASSED", "2021-07-14", "入户核实（2人）：房屋受损，家庭财产损失较大", null);
        a.take(entry, "VILLAGE_REVIEW", "PASSED", "2021-07-20", "民主评议：同意纳入突发严重困难户", null);
        a.take(entry, "VILLAGE_NOTICE", "POSTED", "2021-07-20", "在村务公开栏公示", null);
        a.take(entry, "VILLAGE_NOTICE", "PASSED", "2021-07-25", "公示无异议", null);
        a.take(entry, "TOWNSHIP_REVIEW", "PASSED", "2021-07-30", "乡镇审核同意", null);
        a.take(entry, "COUNTY_APPROVAL", "PASSED", "2021-08-05", "县级审定纳入监测", "演示文号：彭乡振监〔2021〕33号");
    }

    private void fallen(Actor a) {
        a.visit("2021-12-20", "务工企业停产，家庭成员返乡，收入明显下降，建议启动纳入监测核实", List.of(), null, null);
        a.changeIncome(FALLEN_PER_CAPITA, null, Map.of(), d -> {
            Set<String> risks = new TreeSet<>(d.riskTypes() == null ? Set.of() : d.riskTypes());
            risks.add("因务工就业不稳");
            return d.withRisks(risks, false);
        });
    }

    /** One household of the script: its id and the cadre who visits it (its helper, else its group's cadre). */
    private final class Actor {

        private final long householdId;
        private final long cadreId;

        Actor(HouseholdSpec h, Map<String, Long> cadreIds) {
            this.householdId = registrar.existing(h.data().householdNo(), null).orElseThrow();
            this.cadreId = cadreIds.get(h.helperKey() != null ? h.helperKey()
                    : h.villageCode() + "-G" + h.groupName().replace("组", ""));
        }

        long start(String kind, String origin, String category, boolean greenChannel, String on, String note) {
            return procedures.start(householdId, new Start(kind, origin, category, greenChannel, LocalDate.parse(on),
                    note, null)).id();
        }

        void take(long procedure, String step, String outcome, String on, String note, String reference) {
            procedures.take(procedure, new Take(step, outcome, LocalDate.parse(on), note, reference));
        }

        void visit(String on, String findings, List<String> measures, Boolean rigidSpendResolved,
                   Boolean newRiskDetected) {
            visits.record(householdId, new VisitData(cadreId, LocalDate.parse(on), findings, measures, null,
                    rigidSpendResolved, newRiskDetected));
        }

        /**
         * The income found at the last visit, per head (this year's, and last year's or, when null, the one stored),
         * the difference in wages, with other recorded facts that came with it; one change of the household.
         */
        void changeIncome(long perCapita, Long previousPerCapita, Map<String, Object> facts,
                          UnaryOperator<HouseholdData> more) {
            HouseholdData d = registrar.current(householdId);
            BigDecimal net = perHead(d, perCapita);
            Map<String, Object> changed = new HashMap<>(facts);
            changed.put("wageIncome", wages(d).add(net.subtract(d.netIncome())));
            registrar.upsert(more.apply(d.withIncome(net, previousPerCapita == null ? d.netIncome()
                    : perHead(d, previousPerCapita), changed)), householdId);
        }
    }
}
