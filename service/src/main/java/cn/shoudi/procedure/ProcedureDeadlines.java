package cn.shoudi.procedure;

import cn.shoudi.assessment.ActivePolicy;
import cn.shoudi.rules.params.Parameter;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The time limits of procedures, read from the published policy's effective-dated parameters (parameters.xlsx): days
 * per step ({@code step_days_*}), notice days per procedure ({@code notice_days_*}), the 15-day limit from clue to
 * decision of 纳入监测 ({@code monitoring_decision_max_days}) and the 绿色通道's limit ({@code green_channel_days}).
 */
@Component
class ProcedureDeadlines {

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
        return startedOn.plusDays(days(greenChannel ? "green_channel_days" : "monitoring_decision_max_days", startedOn));
    }
}
