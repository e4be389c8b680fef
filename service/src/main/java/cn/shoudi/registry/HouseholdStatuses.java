package cn.shoudi.registry;

import cn.shoudi.InvalidRequestException;
import cn.shoudi.Viewer;
import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import cn.shoudi.rules.facts.FactSource;
import cn.shoudi.rules.facts.HouseholdClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The only way a household's status changes after it is registered: a completed procedure's {@link Decision}, or an
 * administrator's correction with a reason. Each change is saved with the household (a new version, re-evaluated) and
 * kept in the status history with who, when and its reference. Also where the monitoring lifecycle and the procedures
 * write the facts the catalogue says they supply: the measures and findings of visits, the procedure dates.
 */
@Service
public class HouseholdStatuses {

    /**
     * What a visit (入户走访) found that the rules read.
     *
     * @param visitDate          when, never in the future
     * @param cadreId            who visited
     * @param measures           measures implemented at the visit (帮扶措施), may be empty
     * @param otherMeasure       the text of a {@link Measure#OTHER} measure, else null
     * @param rigidSpendResolved 大额刚性支出已解决, null when not assessed at this visit
     * @param newRiskDetected    有新风险, null when not assessed at this visit
     * @param source             where it was recorded, e.g. "任务 #12 走访"
     */
    public record VisitFacts(LocalDate visitDate, Long cadreId, List<Measure> measures, String otherMeasure,
                             Boolean rigidSpendResolved, Boolean newRiskDetected, String source) {
    }

    /** One measure a household received. */
    public record MeasureView(Measure measure, String otherText, LocalDate implementedOn, Long cadreId, String source) {
    }

    /**
     * What visits assessed during a monitoring period (大额刚性支出已解决, 有新风险), each mapped to null: it ends with the
     * period's 风险消除, so that a later period is assessed afresh and never proposed on an earlier period's answers.
     */
    private static final Map<String, Object> MONITORING_PERIOD_FACTS = monitoringPeriodFacts();

    private final HouseholdService households;
    private final StatusHistory history;
    private final FactHistory factHistory;
    private final JdbcClient jdbc;
    private final Clock clock;

    HouseholdStatuses(HouseholdService households, StatusHistory history, FactHistory factHistory, JdbcClient jdbc,
                      Clock clock) {
        this.households = households;
        this.history = history;
        this.factHistory = factHistory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static Map<String, Object> monitoringPeriodFacts() {
        Map<String, Object> cleared = new HashMap<>();
        FactCatalogue.STANDARD.all().stream().filter(d -> d.source() == FactSource.MONITORING && d.storedInFactsMap())
                .forEach(d -> cleared.put(d.key(), null));
        return Collections.unmodifiableMap(cleared);
    }

    /** The household's current status. */
    @Transactional(readOnly = true)
    public HouseholdStatus status(long householdId) {
        return households.find(householdId).status();
    }

    /** The household's status changes, newest first. */
    @Transactional(readOnly = true)
    public List<StatusChange> history(long householdId) {
        households.find(householdId);
        return history.of(householdId);
    }

    /**
     * Applies a completed procedure's decision.
     *
     * @throws IllegalStatusChangeException when it does not apply to the current status
     */
    @Transactional
    public HouseholdStatus decide(long householdId, Decision d) {
        Objects.requireNonNull(d.effectiveOn(), "effectiveOn");
        Household h = households.find(householdId);
        HouseholdStatus before = h.status();
        HouseholdStatus after = before.after(d);
        Instant now = clock.instant();
        Map<String, Map<String, String>> facts = h.recordedFacts();
        h.changeStatus(after, now);
        if (d.kind() == DecisionKind.RISK_CLEARED) {
            h.record(MONITORING_PERIOD_FACTS, now);
        }
        Household saved = households.saveAndPublish(h);
        history.record(householdId, d.kind(), d.effectiveOn(), after, before.describe() + " → " + after.describe(),
                d.reference(), d.procedureId(), null, d.actor(), now);
        factHistory.record(saved.id(), facts, saved.recordedFacts(), d.actor(), now);
        return after;
    }

    /**
     * An administrator's correction (管理员更正) of a wrongly recorded status, with a reason; audited in the status
     * history like a decision.
     *
     * @throws InvalidRequestException when the target is incomplete, unchanged, or the reason is missing
     */
    @Transactional
    public HouseholdStatus correct(long householdId, HouseholdStatus target, LocalDate effectiveOn, String reason,
                                   String reference) {
        List<String> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add("更正须填写原因");
        } else if (reason.length() > 500) {
            problems.add("更正原因不能超过500字");
        }
        if (effectiveOn != null && effectiveOn.isAfter(LocalDate.now(clock))) {
            problems.add("生效日期不能晚于今天");
        }
        if (target.monitoring() != null) {
            if (target.category() == null || !HouseholdStatus.CATEGORIES.contains(target.category())) {
                problems.add("监测类型须为" + String.join("、", HouseholdStatus.CATEGORIES));
            }
            if (target.since() == null) {
                problems.add("监测对象须填写纳入监测日期");
            }
            if (target.monitoring() == MonitoringStatus.CLEARED && target.riskClearedOn() == null) {
                problems.add("风险已消除须填写风险消除日期");
            }
        } else if (target.category() != null || target.since() != null || target.riskClearedOn() != null) {
            problems.add("不是监测对象时不能填写监测类型、纳入监测日期或风险消除日期");
        }
        LocalDate today = LocalDate.now(clock);
        if (target.since() != null && target.since().isAfter(today)
                || target.riskClearedOn() != null && target.riskClearedOn().isAfter(today)) {
            problems.add("纳入监测日期和风险消除日期不能晚于今天");
        }
        if (target.monitoring() == MonitoringStatus.CLEARED && target.since() != null
                && target.riskClearedOn() != null && target.riskClearedOn().isBefore(target.since())) {
            problems.add("风险消除日期不能早于纳入监测日期");
        }
        if (target.householdClass() != HouseholdClass.GENERAL && target.registeredYear() == null) {
            problems.add(target.householdClass().label() + "须填写建档立卡年份");
        }
        if (target.householdClass() == HouseholdClass.EXITED && target.exitYear() == null) {
            problems.add("脱贫户须填写脱贫年份");
        }
        if (target.registeredYear() != null && target.exitYear() != null
                && target.exitYear() < target.registeredYear()) {
            problems.add("脱贫年份不能早于建档立卡年份");
        }
        if (target.registeredYear() != null && target.registeredYear() > today.getYear()
                || target.exitYear() != null && target.exitYear() > today.getYear()) {
            problems.add("建档立卡年份和脱贫年份不能晚于今年");
        }
        Household h = households.find(householdId);
        HouseholdStatus before = h.status();
        if (before.equals(target)) {
            problems.add("更正后的状态与当前状态相同");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Instant now = clock.instant();
        String actor = Viewer.current().username();
        Map<String, Map<String, String>> facts = h.recordedFacts();
        h.changeStatus(target, now);
        Household saved = households.saveAndPublish(h);
        history.record(householdId, DecisionKind.CORRECTED, effectiveOn == null ? LocalDate.now(clock) : effectiveOn,
                target, before.describe() + " → " + target.describe(), reference, null, reason.trim(), actor, now);
        factHistory.record(saved.id(), facts, saved.recordedFacts(), actor, now);
        return target;
    }

    /**
     * Records what a visit found: each measure as received on the visit's date, and the visit's assessment of large
     * rigid spending and new risks (facts the monitoring lifecycle supplies). The household gets a new version and is
     * re-evaluated.
     */
    @Transactional
    public void recordVisit(long householdId, VisitFacts visit, String actor) {
        Household h = households.find(householdId);
        Instant now = clock.instant();
        for (Measure m : visit.measures()) {
            jdbc.sql("INSERT INTO registry_measure (household_id, measure, other_text, implemented_on, cadre_id, source, "
                            + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(householdId, m.name(), m == Measure.OTHER ? visit.otherMeasure() : null, visit.visitDate(),
                            visit.cadreId(), visit.source(), Timestamp.from(now))
                    .update();
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        if (visit.rigidSpendResolved() != null) {
            facts.put("rigidSpendResolved", visit.rigidSpendResolved());
        }
        if (visit.newRiskDetected() != null) {
            facts.put("newRiskDetected", visit.newRiskDetected());
        }
        supplyInto(h, FactSource.MONITORING, facts, actor, now);
    }

    /**
     * Writes facts a procedure supplies (the catalogue's {@link FactSource#PROCEDURE} facts, e.g. 申请日期); the household
     * gets a new version and is re-evaluated.
     *
     * @throws IllegalArgumentException when a key is not a procedure fact stored in the registry
     */
    @Transactional
    public void supplyProcedureFacts(long householdId, Map<String, Object> values, String actor) {
        supplyInto(households.find(householdId), FactSource.PROCEDURE, values, actor, clock.instant());
    }

    private void supplyInto(Household h, FactSource source, Map<String, Object> values, String actor, Instant now) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            FactDefinition d = FactCatalogue.STANDARD.require(e.getKey());
            if (d.source() != source || !d.storedInFactsMap()) {
                throw new IllegalArgumentException(e.getKey() + " is not a " + source + " fact stored in the registry");
            }
            d.check(e.getValue()).ifPresent(problem -> {
                throw new InvalidRequestException(List.of(problem));
            });
        }
        Map<String, Map<String, String>> before = h.recordedFacts();
        if (values.isEmpty()) {
            h.touch(now);
        } else {
            h.record(values, now);
        }
        Household saved = households.saveAndPublish(h);
        factHistory.record(saved.id(), before, saved.recordedFacts(), actor, now);
    }

    /** The measures a household received, newest first. */
    @Transactional(readOnly = true)
    public List<MeasureView> measures(long householdId) {
        return jdbc.sql("SELECT measure, other_text, implemented_on, cadre_id, source FROM registry_measure "
                        + "WHERE household_id = ? ORDER BY implemented_on DESC, id DESC")
                .param(householdId)
                .query((rs, n) -> new MeasureView(Measure.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, Long.class), rs.getString(5)))
                .list();
    }
}
