package cn.shoudi.procedure;

import cn.shoudi.registry.Responsible;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A procedure (程序) for one household: its steps are taken in order, each with its date and who recorded it; a notice
 * (公示) is posted and closed after its days, and an objection sends the procedure back to 入户核实; a review or
 * approval that says no ends it. The procedure guards its own order — a step out of order names both steps — and
 * keeps its record; it is never deleted.
 */
@Table("procedure_case")
class Procedure {

    @Id
    private Long id;
    @Version
    private Long version;
    private Long householdId;
    private Long villageId;
    private ProcedureKind kind;
    private Origin origin;
    private String category;
    private boolean greenChannel;
    private ProcedureStatus status;
    /** 1 while in progress, null afterwards; backs the unique key (household, kind, open_flag). */
    private Integer openFlag;
    private Step currentStep;
    private LocalDate noticePostedOn;
    private LocalDate stepDueDate;
    private LocalDate finalDueDate;
    private Long assigneeCadreId;
    private String assigneeLevel;
    private int escalationCount;
    private Long taskId;
    private LocalDate startedOn;
    private String startedBy;
    private LocalDate completedOn;
    private String decisionReference;
    private Instant createdAt;
    @MappedCollection(idColumn = "procedure_id", keyColumn = "position")
    private List<StepRecord> record = new ArrayList<>();

    Procedure() {
    }

    /** Starts a procedure at its first step. */
    static Procedure start(long householdId, Long villageId, ProcedureKind kind, Origin origin, String category,
                           boolean greenChannel, Long taskId, LocalDate startedOn, String actor, String role,
                           String note, Instant now) {
        Procedure p = new Procedure();
        p.householdId = householdId;
        p.villageId = villageId;
        p.kind = kind;
        p.origin = origin;
        p.category = category;
        p.greenChannel = greenChannel;
        p.taskId = taskId;
        p.status = ProcedureStatus.IN_PROGRESS;
        p.openFlag = 1;
        p.currentStep = kind.steps().get(0);
        p.startedOn = startedOn;
        p.startedBy = actor;
        p.createdAt = now;
        p.record.add(new StepRecord(null, "STARTED", startedOn, actor, role, "启动" + kind.label() + "程序（"
                + origin.label() + (greenChannel ? "，绿色通道：先帮扶后补办程序" : "") + "）"
                + (note == null || note.isBlank() ? "" : "：" + note.trim()), null, now));
        return p;
    }

    /**
     * Takes the current step.
     *
     * @param noticeDays the days a notice of this procedure lasts at least, on the notice's date
     * @return whether the procedure completed with this step (its decision is now due in the registry)
     * @throws IllegalStepException when the procedure is closed, the step is not the current one, or the outcome does
     *                              not fit the step (a notice closed before its days, an objection to no notice)
     */
    boolean take(Step step, StepOutcome outcome, LocalDate date, String actor, String role, String note,
                 String reference, int noticeDays, Instant now) {
        if (status != ProcedureStatus.IN_PROGRESS) {
            throw new IllegalStepException("该" + kind.label() + "程序" + status.label() + "，不能再办理「" + step.label()
                    + "」");
        }
        if (step != currentStep) {
            throw new IllegalStepException("当前步骤为「" + currentStep.label() + "」，不能办理「" + step.label() + "」"
                    + (kind.steps().contains(step) ? "（须按" + kind.label() + "程序的顺序办理）"
                    : "（" + kind.label() + "程序没有这一步）"));
        }
        switch (outcome) {
            case POSTED -> {
                requireNotice(step, outcome);
                if (noticePostedOn != null) {
                    throw new IllegalStepException("「" + step.label() + "」已于 " + noticePostedOn + " 开始公示");
                }
                noticePostedOn = date;
            }
            case OBJECTION -> {
                requireNotice(step, outcome);
                requirePosted(step);
                if (date.isBefore(noticePostedOn)) {
                    throw new IllegalStepException("「" + step.label() + "」自 " + noticePostedOn + " 开始公示，异议日期 "
                            + date + " 不能早于公示开始日期");
                }
                noticePostedOn = null;
                currentStep = Step.VERIFICATION;
            }
            case PASSED -> {
                if (step.notice()) {
                    requirePosted(step);
                    LocalDate earliest = noticePostedOn.plusDays(noticeDays);
                    if (date.isBefore(earliest)) {
                        throw new IllegalStepException("公示期未满：「" + step.label() + "」自 " + noticePostedOn + " 开始，"
                                + "须公示不少于 " + noticeDays + " 天，最早 " + earliest + " 方可办结");
                    }
                    noticePostedOn = null;
                }
                Step next = kind.after(step);
                if (next == null) {
                    finish(ProcedureStatus.COMPLETED, date);
                    decisionReference = reference;
                } else {
                    currentStep = next;
                }
            }
            case REJECTED -> {
                if (step.notice()) {
                    throw new IllegalStepException("公示不能“不通过”：有异议请登记“公示有异议”，程序退回入户核实");
                }
                finish(ProcedureStatus.REJECTED, date);
            }
        }
        record.add(new StepRecord(step.name(), outcome.name(), date, actor, role, blankToNull(note),
                blankToNull(reference), now));
        return status == ProcedureStatus.COMPLETED;
    }

    /** Ends the procedure without a decision, with a reason (e.g. 农户撤回申请, 重复发起). */
    void withdraw(String reason, LocalDate date, String actor, String role, Instant now) {
        if (status != ProcedureStatus.IN_PROGRESS) {
            throw new IllegalStepException("该" + kind.label() + "程序" + status.label() + "，不能撤销");
        }
        finish(ProcedureStatus.WITHDRAWN, date);
        record.add(new StepRecord(null, "WITHDRAWN", date, actor, role, reason, null, now));
    }

    /** Who must take the current step, and by when. */
    void assign(Responsible who, LocalDate stepDue) {
        assigneeCadreId = who.cadreId();
        assigneeLevel = who.level().name();
        stepDueDate = finalDueDate != null && finalDueDate.isBefore(stepDue) ? finalDueDate : stepDue;
    }

    /** The date by which the whole procedure must be decided (纳入监测: 15 days; 绿色通道: its own limit). */
    void decideBy(LocalDate finalDue) {
        finalDueDate = finalDue;
        if (stepDueDate != null && finalDue.isBefore(stepDueDate)) {
            stepDueDate = finalDue;
        }
    }

    /** The current step is overdue: it goes one level up the chain with a new due date (as a task does). */
    void escalate(Responsible next, LocalDate newDue, Instant now) {
        String from = assigneeLevelLabel() + (assigneeCadreId == null ? "" : "（干部 #" + assigneeCadreId + "）");
        record.add(new StepRecord(currentStep.name(), "ESCALATED", LocalDate.ofInstant(now, ZoneOffset.UTC),
                "system", null, "「" + currentStep.label() + "」逾期未办理（期限 " + stepDueDate + "），由" + from + "升级至"
                + next.level().label() + (next.cadreId() == null ? "" : "（干部 #" + next.cadreId() + "）") + "，新期限 "
                + newDue, null, now));
        assigneeCadreId = next.cadreId();
        assigneeLevel = next.level().name();
        stepDueDate = newDue;
        escalationCount++;
    }

    private void finish(ProcedureStatus end, LocalDate date) {
        status = end;
        openFlag = null;
        completedOn = date;
        noticePostedOn = null;
        stepDueDate = null;
        if (end == ProcedureStatus.COMPLETED) {
            currentStep = null;
        }
    }

    private static void requireNotice(Step step, StepOutcome outcome) {
        if (!step.notice()) {
            throw new IllegalStepException("「" + outcome.label() + "」只适用于公示，「" + step.label() + "」不是公示");
        }
    }

    private void requirePosted(Step step) {
        if (noticePostedOn == null) {
            throw new IllegalStepException("「" + step.label() + "」尚未开始，请先登记公示开始日期");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    Responsible.Level assigneeLevelValue() {
        return assigneeLevel == null ? Responsible.Level.HELPER : Responsible.Level.valueOf(assigneeLevel);
    }

    String assigneeLevelLabel() {
        return assigneeLevelValue().label();
    }

    Long id() { return id; }
    Long version() { return version; }
    Long householdId() { return householdId; }
    Long villageId() { return villageId; }
    ProcedureKind kind() { return kind; }
    Origin origin() { return origin; }
    String category() { return category; }
    boolean greenChannel() { return greenChannel; }
    ProcedureStatus status() { return status; }
    Step currentStep() { return currentStep; }
    LocalDate noticePostedOn() { return noticePostedOn; }
    LocalDate stepDueDate() { return stepDueDate; }
    LocalDate finalDueDate() { return finalDueDate; }
    Long assigneeCadreId() { return assigneeCadreId; }
    int escalationCount() { return escalationCount; }
    Long taskId() { return taskId; }
    LocalDate startedOn() { return startedOn; }
    String startedBy() { return startedBy; }
    LocalDate completedOn() { return completedOn; }
    String decisionReference() { return decisionReference; }
    List<StepRecord> record() { return List.copyOf(record); }

    /** The date the current step became due to start: the last step's date, or the start. */
    LocalDate currentStepSince() {
        for (int i = record.size() - 1; i >= 0; i--) {
            StepRecord r = record.get(i);
            if (!"ESCALATED".equals(r.outcome())) {
                return r.stepDate();
            }
        }
        return startedOn;
    }
}
