package cn.shoudi.procedure;

import cn.shoudi.assessment.ActivePolicy;
import cn.shoudi.policy.RequiredParameters;
import cn.shoudi.rules.params.Parameter;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The time limits of procedures, read from the published policy's effective-dated parameters (parameters.xlsx): days
 * per step ({@code step_days_*}), notice days per procedure ({@code notice_days_*}), the 15-day limit from clue to
 * decision of 纳入监测 ({@code monitoring_decision_max_days}) and the 绿色通道's limit ({@code green_channel_days}).
 * A policy without one of these parameters cannot be published ({@link RequiredParameters}).
 */
@Component
class ProcedureDeadlines implements RequiredParameters {

    static final String MONITORING_DECISION_DAYS = "monitoring_decision_max_days";
    static final String GREEN_CHANNEL_DAYS = "green_channel_days";

    private final ActivePolicy policy;

    ProcedureDeadlines(ActivePolicy policy) {
        this.policy = policy;
    }

    /**
     * A whole number of days on a date.
     *
     * @throws IllegalStepException naming the parameter when the policy has no value for that date
     */
    int days(String code, LocalDate on) {
        Parameter p = policy.evaluator().policy().parameters().find(code, on).orElseThrow(() -> new IllegalStepException(
                "参数 " + code + " 在 " + on + " 没有生效的值，无法计算办理时限；请政策业务人员在 parameters.xlsx 中补充"));
        return p.value().intValue();
    }

    /** The notice days of a procedure on a date. */
    int noticeDays(ProcedureKind kind, LocalDate on) {
        return days(kind.noticeDaysParameter(), on);
    }

    /**
     * When the current step is due: its days counted from the date it became current; for a posted notice, the notice
     * days plus the step's days from the date it was posted.
     */
    LocalDate stepDue(Procedure p) {
        Step step = p.currentStep();
        if (p.noticePostedOn() != null) {
            return p.noticePostedOn().plusDays(noticeDays(p.kind(), p.noticePostedOn()) + days(step.daysParameter(),
                    p.noticePostedOn()));
        }
        LocalDate since = p.currentStepSince();
        return since.plusDays(days(step.daysParameter(), since));
    }

    /** The date by which the whole procedure must be decided, or null when only its steps have limits. */
    LocalDate finalDue(ProcedureKind kind, boolean greenChannel, LocalDate startedOn) {
        if (kind != ProcedureKind.MONITORING_ENTRY) {
            return null;
        }
        return startedOn.plusDays(days(greenChannel ? GREEN_CHANNEL_DAYS : MONITORING_DECISION_DAYS, startedOn));
    }

    /** Every step's days, every procedure's notice days and the two limits of 纳入监测, each with what it limits. */
    @Override
    public Map<String, String> requiredParameters() {
        Map<String, String> codes = new TreeMap<>();
        for (Step s : Step.values()) {
            codes.merge(s.daysParameter(), "「" + s.label() + "」的办理时限", (a, b) -> a + "、" + b);
        }
        for (ProcedureKind k : ProcedureKind.values()) {
            codes.merge(k.noticeDaysParameter(), k.label() + "程序的公示天数", (a, b) -> a + "、" + b);
        }
        codes.put(MONITORING_DECISION_DAYS, "纳入监测从发现线索到认定的时限");
        codes.put(GREEN_CHANNEL_DAYS, "绿色通道补办纳入监测程序的时限");
        return codes;
    }
}
