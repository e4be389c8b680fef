package cn.shoudi.procedure;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A procedure as the API and the pages show it: where it stands, who must act by when, what may be done next, and its
 * record.
 *
 * @param currentStep      the step to take next, null once it ended
 * @param currentStepLevel 村级 or 乡镇: who takes it
 * @param nextOutcomes     the outcomes the current step accepts now (a notice: 公示开始, then 通过 or 公示有异议)
 * @param remainingSteps   the steps after the current one, in order
 * @param overdue          whether the current step is past its due date
 */
public record ProcedureView(long id, long version, long householdId, Long villageId, String kind, String kindLabel,
                            String origin, String originLabel, String category, boolean greenChannel, String status,
                            String statusLabel, String currentStep, String currentStepLabel, String currentStepLevel,
                            List<String> nextOutcomes, List<String> remainingSteps, LocalDate noticePostedOn,
                            LocalDate stepDueDate, LocalDate finalDueDate, boolean overdue, Long assigneeCadreId,
                            String assigneeLevel, int escalationCount, Long taskId, LocalDate startedOn,
                            String startedBy, LocalDate completedOn, String decisionReference, List<Entry> record) {

    /** One entry of the record. */
    @Schema(name = "ProcedureEntry")
    public record Entry(String step, String stepLabel, String outcome, String outcomeLabel, LocalDate date,
                        String actor, String note, String reference, Instant recordedAt) {
    }

    static ProcedureView of(Procedure p, LocalDate today) {
        Step cur = p.currentStep();
        boolean open = p.status() == ProcedureStatus.IN_PROGRESS;
        List<String> outcomes = new ArrayList<>();
        List<String> remaining = new ArrayList<>();
        if (open) {
            if (cur.notice()) {
                outcomes.addAll(p.noticePostedOn() == null ? List.of(StepOutcome.POSTED.name())
                        : List.of(StepOutcome.PASSED.name(), StepOutcome.OBJECTION.name()));
            } else {
                outcomes.addAll(List.of(StepOutcome.PASSED.name(), StepOutcome.REJECTED.name()));
            }
            List<Step> steps = p.kind().steps();
            steps.subList(steps.indexOf(cur) + 1, steps.size()).forEach(s -> remaining.add(s.label()));
        }
        List<Entry> record = p.record().stream().map(r -> {
            Step s = r.step() == null ? null : Step.valueOf(r.step());
            return new Entry(r.step(), s == null ? null : s.label(), r.outcome(), outcomeLabel(r.outcome()),
                    r.stepDate(), r.actor(), r.note(), r.reference(), r.recordedAt());
        }).toList();
        return new ProcedureView(p.id(), p.version(), p.householdId(), p.villageId(), p.kind().name(),
                p.kind().label(), p.origin().name(), p.origin().label(), p.category(), p.greenChannel(),
                p.status().name(), p.status().label(), open ? cur.name() : null, open ? cur.label() : null,
                open ? cur.level().label() : null, outcomes, remaining, p.noticePostedOn(), p.stepDueDate(),
                p.finalDueDate(), open && p.stepDueDate() != null && p.stepDueDate().isBefore(today),
                p.assigneeCadreId(), open ? p.assigneeLevelLabel() : null, p.escalationCount(), p.taskId(),
                p.startedOn(), p.startedBy(), p.completedOn(), p.decisionReference(), record);
    }

    private static String outcomeLabel(String outcome) {
        return switch (outcome) {
            case "STARTED" -> "启动";
            case "ESCALATED" -> "逾期升级";
            case "WITHDRAWN" -> "撤销";
            default -> StepOutcome.valueOf(outcome).label();
        };
    }
}
