package cn.shoudi.assessment;

import cn.shoudi.registry.Decision;
import cn.shoudi.registry.DecisionKind;
import cn.shoudi.registry.HouseholdStatus;
import cn.shoudi.registry.IllegalStatusChangeException;
import cn.shoudi.registry.Measure;
import cn.shoudi.rules.cases.ExampleCase;
import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import cn.shoudi.rules.facts.FactSource;
import cn.shoudi.rules.facts.HouseholdClass;
import cn.shoudi.rules.params.ParameterSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How an example household (示例户) gets the facts people do not type, the way it happens in production: its status
 * through procedures ({@code POST /api/households/{id}/procedures}, then {@code POST /api/procedures/{pid}/steps} step
 * by step, all dated in the past), its measures and visit findings through a household visit
 * ({@code POST /api/households/{id}/visits}). What it needs, by the example's facts:
 * <ul>
 *   <li>申请/评议/公示/公告日期 (source PROCEDURE): an identification procedure whose 申请 passes on the 申请日期, 村民代表大会评议
 *   on the 评议日期, whose 村级公示 starts on the 公示日期 and whose 县级审定并公告 is on the 公告日期. Its other steps take
 *   the date of the step before; each notice closes when its days (notice_days_registration) are over. Step dates are
 *   not forced into order, so an example with 公告 before 公示 goes through as recorded. The household is registered as
 *   一般农户 and becomes 未脱贫户 (建档立卡年份 = year of the 公告); a 脱贫户 then exits through the exit procedure, in the
 *   example's 脱贫年份 or else the year before its evaluation.</li>
 *   <li>监测类型 and 纳入监测日期 (source MONITORING): a 纳入监测 procedure whose 县级审定 is on the 纳入监测日期; when the
 *   registry would refuse that decision for the household (e.g. 边缘易致贫户 only for 一般农户) or the policy has no notice
 *   days on its dates (monitoring began in 2020), the administrator's correction with the date instead. An example of a
 *   table that does not read the 纳入监测日期 (its sheet has no such column) enters monitoring three months before its
 *   evaluation.</li>
 *   <li>已落实帮扶措施数, 大额刚性支出已解决, 有新风险 (source MONITORING): one visit on the evaluation date with that many
 *   distinct measures and the two findings. The registry gives the rules the count of a monitored household's measures
 *   only (0 when none), so an example of a table reading the count that counts measures of a household that is not
 *   monitored, or leaves the count of a monitored one blank, is {@linkplain #notes() noted}.</li>
 * </ul>
 * Facts no product path can give (e.g. a 监测类型 without 纳入监测日期, which every decision and correction records) make
 * the example {@linkplain #unreachable() unreachable}: it can only be older data.
 */
final class ExampleStatus {

    static final String CATEGORY = "monitoringCategory";
    static final String SINCE = "monitoringSince";
    static final String MEASURES = "measuresImplemented";
    static final String RIGID_SPEND_RESOLVED = "rigidSpendResolved";
    static final String NEW_RISK_DETECTED = "newRiskDetected";
    /** The identification procedure's dates in the order of its steps that record them. */
    static final List<String> IDENTIFICATION_DATES = List.of("appliedOn", "reviewedOn", "noticeOn", "announcedOn");
    private static final String REGISTERED_YEAR = "registeredYear";
    private static final String EXIT_YEAR = "exitYear";

    /** A step to take: by a township leader ({@code township}) or else by the household's village staff. */
    record Step(boolean township, Map<String, Object> body) {
    }

    /** A procedure to start with {@code start}, then take {@code steps} in order. */
    record Run(String kind, Map<String, Object> start, List<Step> steps) {
    }

    private final ExampleCase example;
    private final Map<String, Object> values;
    private final ParameterSet parameters;
    private final Set<String> tableReads;

    /**
     * @param example    the example
     * @param parameters the shipped policy's parameters (the procedures' notice days)
     * @param tableReads the stored facts the example's table reads on its evaluation date (catalogue keys)
     */
    ExampleStatus(ExampleCase example, ParameterSet parameters, Set<String> tableReads) {
        this.example = example;
        this.values = example.input().details().values();
        this.parameters = parameters;
        this.tableReads = tableReads;
    }

    /** Whether the fact is one people record in the household or member body (not given by procedures or visits). */
    static boolean typedByPeople(FactDefinition d) {
        return d.source() != FactSource.MONITORING && d.source() != FactSource.PROCEDURE;
    }

    /** Why no product path gives the example's status facts, or empty when they all have one. */
    Optional<String> unreachable() {
        List<String> dates = IDENTIFICATION_DATES.stream().filter(values::containsKey).toList();
        if (!dates.isEmpty() && dates.size() < IDENTIFICATION_DATES.size()) {
            List<String> missing = IDENTIFICATION_DATES.stream().filter(k -> !values.containsKey(k)).toList();
            return Optional.of("identification dates without " + String.join(", ", missing)
                    + " (each step of the procedure records its date)");
        }
        if (identified() && example.input().householdClass() == HouseholdClass.GENERAL) {
            return Optional.of("identification dates on a 一般农户 (identification makes it 未脱贫户)");
        }
        if (values.containsKey(CATEGORY) != values.containsKey(SINCE)
                && (values.containsKey(SINCE) || tableReads.contains(SINCE))) {
            return Optional.of(values.containsKey(CATEGORY)
                    ? "monitoringCategory without monitoringSince (every decision and correction records the date)"
                    : "monitoringSince without monitoringCategory (every decision and correction records the category)");
        }
        return Optional.empty();
    }

    /** What the product gives differently from the example's own cells without changing its point, for the log. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (!tableReads.contains(MEASURES)) {
            return notes;
        }
        if (values.containsKey(MEASURES) && !values.containsKey(CATEGORY)) {
            notes.add("measuresImplemented " + values.get(MEASURES) + " on a household that is not monitored: the visit "
                    + "records the measures, the rules are not given a count");
        }
        if (!values.containsKey(MEASURES) && values.containsKey(CATEGORY)) {
            notes.add("no measuresImplemented on a monitored household: the rules are given 0");
        }
        return notes;
    }

    /** What gives the household its status facts, for the log, e.g. "IDENTIFICATION, EXIT, visit"; empty when nothing. */
    String journey(long visitingCadre) {
        List<String> parts = new ArrayList<>(procedures().stream().map(Run::kind).toList());
        correction().ifPresent(c -> parts.add("correction"));
        visit(visitingCadre).ifPresent(v -> parts.add("visit"));
        return String.join(", ", parts);
    }

    /** Whether the household is identified through the procedure: the example has the procedure's dates. */
    boolean identified() {
        return IDENTIFICATION_DATES.stream().anyMatch(values::containsKey);
    }

    /** The class the household is registered with: 一般农户 when identification makes it what the example says. */
    HouseholdClass registeredAs() {
        return identified() ? HouseholdClass.GENERAL : example.input().householdClass();
    }

    /** Whether the household body leaves this fact out (the procedures decide it). */
    boolean decidedByProcedure(String key) {
        return identified() && FactCatalogue.STANDARD.decidedByProcedure(key);
    }

    /** The procedures to run, in order: identification, exit, 纳入监测 (each when the example needs it). */
    List<Run> procedures() {
        List<Run> runs = new ArrayList<>();
        if (identified()) {
            runs.add(identification());
            if (example.input().householdClass() == HouseholdClass.EXITED) {
                runs.add(exit());
            }
        }
        if (monitoredThroughProcedure()) {
            runs.add(monitoringEntry());
        }
        return runs;
    }

    /** The administrator's correction that makes the household monitored, when no procedure can. */
    Optional<Map<String, Object>> correction() {
        if (!values.containsKey(CATEGORY) || monitoredThroughProcedure()) {
            return Optional.empty();
        }
        LocalDate since = since();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("householdClass", example.input().householdClass().label());
        body.put("registeredYear", registeredYear());
        body.put("exitYear", exitYear());
        body.put("monitoring", "MONITORED");
        body.put("category", values.get(CATEGORY));
        body.put("since", since.toString());
        body.put("reason", "示例 " + example.tableId() + " " + example.id() + "：纳入监测程序不适用（"
                + (monitoringParameters(since) ? "户类型与监测类型不符" : "该日期没有公示天数参数") + "），按档案更正");
        body.put("effectiveOn", since.toString());
        return Optional.of(body);
    }

    /** The visit that records the example's measures and findings, on its evaluation date, if it has any. */
    Optional<Map<String, Object>> visit(long cadreId) {
        if (!values.containsKey(MEASURES) && !values.containsKey(RIGID_SPEND_RESOLVED)
                && !values.containsKey(NEW_RISK_DETECTED)) {
            return Optional.empty();
        }
        int n = values.containsKey(MEASURES) ? ((Number) values.get(MEASURES)).intValue() : 0;
        List<String> measures = Arrays.stream(Measure.values()).filter(m -> m != Measure.OTHER).map(Measure::label)
                .limit(n).toList();
        if (measures.size() < n) {
            throw new IllegalStateException(example.id() + " counts " + n + " measures; there are " + measures.size());
        }
        LocalDate on = example.asOf();
        if (values.containsKey(CATEGORY) && on.isBefore(since())) {
            on = since();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cadreId", cadreId);
        body.put("visitDate", on.toString());
        body.put("findings", "示例 " + example.tableId() + " " + example.id() + " 入户走访");
        body.put("measures", measures);
        body.put(RIGID_SPEND_RESOLVED, values.get(RIGID_SPEND_RESOLVED));
        body.put(NEW_RISK_DETECTED, values.get(NEW_RISK_DETECTED));
        return Optional.of(body);
    }

    /** 申请 → … → 县级审定并公告 on the example's dates; the steps between take the date of the step before. */
    private Run identification() {
        LocalDate applied = date("appliedOn");
        LocalDate reviewed = date("reviewedOn");
        LocalDate notice = date("noticeOn");
        int days = noticeDays("notice_days_registration", notice);
        LocalDate closed = notice.plusDays(days);
        List<Step> steps = List.of(
                village("APPLICATION", "PASSED", applied),
                village("VERIFICATION", "PASSED", applied),
                village("GROUP_REVIEW", "PASSED", applied),
                township("CROSS_CHECK", "PASSED", applied),
                village("VILLAGE_REVIEW", "PASSED", reviewed),
                village("VILLAGE_NOTICE", "POSTED", notice),
                village("VILLAGE_NOTICE", "PASSED", closed),
                township("TOWNSHIP_REVIEW", "PASSED", closed),
                township("TOWNSHIP_NOTICE", "POSTED", closed),
                township("TOWNSHIP_NOTICE", "PASSED", closed.plusDays(days)),
                township("ANNOUNCEMENT", "PASSED", date("announcedOn")));
        return new Run("IDENTIFICATION", start("IDENTIFICATION", "APPLICATION", applied), steps);
    }

    /** 入户核实 → 民主评议 → 公示 → 乡镇审核 → 县级公告, the 公告 on {@link #exitedOn()}. */
    private Run exit() {
        LocalDate end = exitedOn();
        int days = noticeDays("notice_days_registration", end);
        LocalDate posted = end.minusDays(days + 2L);
        List<Step> steps = List.of(
                village("VERIFICATION", "PASSED", posted.minusDays(2)),
                village("VILLAGE_REVIEW", "PASSED", posted.minusDays(1)),
                village("VILLAGE_NOTICE", "POSTED", posted),
                village("VILLAGE_NOTICE", "PASSED", posted.plusDays(days)),
                township("TOWNSHIP_REVIEW", "PASSED", end.minusDays(1)),
                township("ANNOUNCEMENT", "PASSED", end));
        return new Run("EXIT", start("EXIT", "FINDING", posted.minusDays(2)), steps);
    }

    /** 入户核实 → 村级评议 → 公示 → 乡镇审核 → 县级审定, the 审定 on the 纳入监测日期. */
    private Run monitoringEntry() {
        LocalDate since = since();
        int days = noticeDays("notice_days_monitoring", since);
        LocalDate posted = since.minusDays(days + 3L);
        List<Step> steps = List.of(
                village("VERIFICATION", "PASSED", posted.minusDays(2)),
                village("VILLAGE_REVIEW", "PASSED", posted.minusDays(1)),
                village("VILLAGE_NOTICE", "POSTED", posted),
                village("VILLAGE_NOTICE", "PASSED", posted.plusDays(days)),
                township("TOWNSHIP_REVIEW", "PASSED", since.minusDays(2)),
                township("COUNTY_APPROVAL", "PASSED", since));
        Map<String, Object> start = start("MONITORING_ENTRY", "FINDING", posted.minusDays(2));
        start.put("category", values.get(CATEGORY));
        return new Run("MONITORING_ENTRY", start, steps);
    }

    /**
     * Whether the 纳入监测 procedure gives the example's monitoring status: the registry takes the decision for the
     * household's class, and the policy has the procedure's time limits on its dates.
     */
    private boolean monitoredThroughProcedure() {
        if (!values.containsKey(CATEGORY)) {
            return false;
        }
        LocalDate since = since();
        HouseholdStatus status = new HouseholdStatus(example.input().householdClass(), registeredYear(), exitYear(),
                null, null, null, null);
        try {
            status.after(new Decision(DecisionKind.ENTERED_MONITORING, since, (String) values.get(CATEGORY), null, null,
                    "example"));
        } catch (IllegalStatusChangeException refused) {
            return false;
        }
        return monitoringParameters(since);
    }

    /** Whether the policy has the 纳入监测 procedure's notice days and decision limit from its start to its end. */
    private boolean monitoringParameters(LocalDate since) {
        int days = parameters.find("notice_days_monitoring", since).map(p -> p.value().intValue()).orElse(-1);
        LocalDate started = since.minusDays(days + 5L);
        return days >= 0 && parameters.find("notice_days_monitoring", started).isPresent()
                && parameters.find("monitoring_decision_max_days", started).isPresent();
    }

    /** The 纳入监测日期: the example's, else three months before its evaluation (its table does not read it). */
    private LocalDate since() {
        return values.containsKey(SINCE) ? date(SINCE) : example.asOf().minusMonths(3);
    }

    /** The date of the exit's 公告: in the example's 脱贫年份, else the year before the evaluation, never after it. */
    private LocalDate exitedOn() {
        LocalDate announced = date("announcedOn");
        int year = values.containsKey(EXIT_YEAR) ? ((Number) values.get(EXIT_YEAR)).intValue()
                : Math.max(announced.getYear(), example.asOf().getYear() - 1);
        LocalDate end = LocalDate.of(year, 11, 30);
        return end.isAfter(example.asOf()) ? example.asOf() : end;
    }

    /** The 建档立卡年份 the household has when monitored: the identification's, else the example's. */
    private Integer registeredYear() {
        return identified() ? Integer.valueOf(date("announcedOn").getYear()) : year(REGISTERED_YEAR);
    }

    /** The 脱贫年份 the household has when monitored: the exit's, else the example's. */
    private Integer exitYear() {
        if (identified()) {
            return example.input().householdClass() == HouseholdClass.EXITED ? exitedOn().getYear() : null;
        }
        return year(EXIT_YEAR);
    }

    private Integer year(String key) {
        Object v = values.get(key);
        return v == null ? null : ((Number) v).intValue();
    }

    private int noticeDays(String code, LocalDate on) {
        return parameters.require(code, on).value().intValue();
    }

    private LocalDate date(String key) {
        return (LocalDate) values.get(key);
    }

    private Map<String, Object> start(String kind, String origin, LocalDate on) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("origin", origin);
        body.put("startedOn", on.toString());
        body.put("note", "示例 " + example.tableId() + " " + example.id());
        return body;
    }

    private static Step village(String step, String outcome, LocalDate date) {
        return new Step(false, step(step, outcome, date));
    }

    private static Step township(String step, String outcome, LocalDate date) {
        return new Step(true, step(step, outcome, date));
    }

    private static Map<String, Object> step(String step, String outcome, LocalDate date) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("step", step);
        body.put("outcome", outcome);
        body.put("date", date.toString());
        return body;
    }
}
