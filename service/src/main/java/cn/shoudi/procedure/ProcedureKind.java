package cn.shoudi.procedure;

import cn.shoudi.registry.DecisionKind;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static cn.shoudi.procedure.Step.*;

/**
 * The procedures, each an ordered list of steps ending in the decision it records in the registry:
 * <ul>
 *   <li>识别 (identification, 「八步两评议两公示一比对一公告」, domain.md §3.2): 申请 → 入户核实 → 村民小组评议 → 县级比对 →
 *   村民代表大会评议 → 村级公示 → 乡镇审核 → 乡镇公示 → 县级审定并公告 → 未脱贫户;</li>
 *   <li>退出 (exit, T2): 入户核实（户认可） → 民主评议 → 公示 → 乡镇审核 → 县级公告 → 脱贫户;</li>
 *   <li>纳入监测 (monitoring entry, §6.5): 入户核实 → 村级评议 → 公示 → 乡镇审核 → 县级审定 → 监测对象;</li>
 *   <li>风险消除 (risk cleared, §6.7): 入户核实 → 评议 → 公示 → 乡镇审核 → 县级审定 → 风险已消除.</li>
 * </ul>
 */
public enum ProcedureKind {
    IDENTIFICATION("识别（建档立卡）", DecisionKind.IDENTIFIED, "notice_days_registration",
            List.of(APPLICATION, VERIFICATION, GROUP_REVIEW, CROSS_CHECK, VILLAGE_REVIEW, VILLAGE_NOTICE,
                    TOWNSHIP_REVIEW, TOWNSHIP_NOTICE, ANNOUNCEMENT)),
    EXIT("脱贫退出", DecisionKind.EXITED, "notice_days_registration",
            List.of(VERIFICATION, VILLAGE_REVIEW, VILLAGE_NOTICE, TOWNSHIP_REVIEW, ANNOUNCEMENT)),
    MONITORING_ENTRY("纳入监测", DecisionKind.ENTERED_MONITORING, "notice_days_monitoring",
            List.of(VERIFICATION, VILLAGE_REVIEW, VILLAGE_NOTICE, TOWNSHIP_REVIEW, COUNTY_APPROVAL)),
    RISK_CLEARANCE("风险消除", DecisionKind.RISK_CLEARED, "notice_days_risk_clear",
            List.of(VERIFICATION, VILLAGE_REVIEW, VILLAGE_NOTICE, TOWNSHIP_REVIEW, COUNTY_APPROVAL));

    private final String label;
    private final DecisionKind decision;
    private final String noticeDaysParameter;
    private final List<Step> steps;

    ProcedureKind(String label, DecisionKind decision, String noticeDaysParameter, List<Step> steps) {
        this.label = label;
        this.decision = decision;
        this.noticeDaysParameter = noticeDaysParameter;
        this.steps = steps;
    }

    public String label() {
        return label;
    }

    /** The decision a completed procedure records. */
    public DecisionKind decision() {
        return decision;
    }

    /** The parameter code of the days each of its notices (公示) lasts at least. */
    public String noticeDaysParameter() {
        return noticeDaysParameter;
    }

    /** Its steps in order; never empty. */
    public List<Step> steps() {
        return steps;
    }

    /** The step after {@code step}, or null when it is the last. */
    Step after(Step step) {
        int i = steps.indexOf(step);
        return i + 1 < steps.size() ? steps.get(i + 1) : null;
    }

    /** By constant or Chinese label. */
    public static Optional<ProcedureKind> parse(String text) {
        String t = text == null ? "" : text.trim();
        return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(t) || k.label.equals(t)
                || k.decision.label().equals(t)).findFirst();
    }
}
