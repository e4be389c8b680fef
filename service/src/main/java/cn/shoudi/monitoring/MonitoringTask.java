package cn.shoudi.monitoring;

import cn.shoudi.registry.Measure;
import cn.shoudi.assessment.FindingView;
import cn.shoudi.registry.Responsible;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A follow-up task (监测任务) raised by a finding for one household, assigned to the responsible cadre. Guards its
 * own transitions and records each in its history; never deleted.
 */
@Table("monitoring_task")
class MonitoringTask {

    @Id
    private Long id;
    @Version
    private Long version;
    private Long householdId;
    private String taskCode;
    private String taskType;
    private TaskStatus status;
    /** 1 while open, null once resolved or closed; backs the unique key (household, task code, open_flag). */
    private Integer openFlag;
    private Long assigneeCadreId;
    private LocalDate dueDate;
    private Instant openedAt;
    private Instant lastSeenAt;
    private Long assessmentId;
    private Long raisedAssessmentId;
    private String findingFile;
    private Integer findingRow;
    private String findingCode;
    private String reason;
    private String clearedNote;
    private String assigneeLevel;
    private int escalationCount;
    private Resolution resolution;
    private String resolutionNote;
    private Long villageId;
    private Instant closedAt;
    /** Closes by itself when its finding clears (data corrections), instead of waiting for a cadre. */
    private boolean autoClose;
    @MappedCollection(idColumn = "task_id", keyColumn = "position")
    private List<TaskEvent> history = new ArrayList<>();
    @MappedCollection(idColumn = "task_id", keyColumn = "position")
    private List<Visit> visits = new ArrayList<>();

    MonitoringTask() {
    }

    /** Opens a task for a finding that calls for follow-up. */
    static MonitoringTask open(long householdId, Long villageId, long assessmentId, FindingView finding,
                               String taskCode, Responsible assignee, Instant now, LocalDate today) {
        MonitoringTask t = new MonitoringTask();
        t.householdId = householdId;
        t.villageId = villageId;
        t.assigneeLevel = assignee.level().name();
        t.taskCode = taskCode;
        t.taskType = finding.outputs().getOrDefault("task_type", "入户核实");
        t.status = TaskStatus.OPEN;
        t.openFlag = 1;
        t.assigneeCadreId = assignee.cadreId();
        t.dueDate = today.plusDays(dueDays(finding));
        t.openedAt = now;
        t.lastSeenAt = now;
        t.assessmentId = assessmentId;
        t.raisedAssessmentId = assessmentId;
        t.autoClose = "是".equals(finding.outputs().get("auto_close"));
        t.pointTo(finding);
        t.history.add(new TaskEvent(now, "OPENED", "依据 " + finding.file() + " 第" + finding.row() + "行 "
                + finding.code() + " 开立任务，分派给" + assignee.level().label()
                + (assignee.cadreId() == null ? "" : "（干部 #" + assignee.cadreId() + "）") + "，期限 " + t.dueDate));
        return t;
    }

    /**
     * Hands an open task that has not been escalated to the household's current responsible cadre (the helper
     * changed, or left); recorded in the history.
     *
     * @return whether the assignee changed
     */
    boolean reassignTo(Responsible to, Instant now) {
        if (!status.open() || escalationCount > 0 || assigneeLevelValue() == Responsible.Level.INFO_OFFICER
                || java.util.Objects.equals(assigneeCadreId, to.cadreId())) {
            return false;
        }
        history.add(new TaskEvent(now, "REASSIGNED", "帮扶关系变更：由" + assigneeLevelLabel()
                + (assigneeCadreId == null ? "" : "（干部 #" + assigneeCadreId + "）") + "改派给" + to.level().label()
                + (to.cadreId() == null ? "" : "（干部 #" + to.cadreId() + "）")));
        assigneeCadreId = to.cadreId();
        assigneeLevel = to.level().name();
        return true;
    }

    /** The assignee confirms they have seen the task. */
    void acknowledge(long cadreId, Instant now) {
        move(TaskStatus.ACKNOWLEDGED, now, "ACKNOWLEDGED", "干部 #" + cadreId + " 已接收任务");
    }

    /** Records a home visit with the measures chosen; a task may be visited more than once. */
    void recordVisit(Visit visit, List<Measure> measures, Instant now) {
        move(TaskStatus.VISITED, now, "VISITED", "干部 #" + visit.cadreId() + " 于 " + visit.visitDate() + " 入户走访："
                + visit.findings() + "；帮扶措施：" + String.join("、", measures.stream().map(Measure::label).toList())
                + (visit.otherMeasure() == null ? "" : "（" + visit.otherMeasure() + "）"));
        visits.add(visit);
    }

    /** Resolves a visited task with its outcome. */
    void resolve(long cadreId, Resolution outcome, String note, Instant now) {
        move(TaskStatus.RESOLVED, now, "RESOLVED", "干部 #" + cadreId + " 办结：" + outcome.label()
                + (note == null || note.isBlank() ? "" : "，" + note));
        resolution = outcome;
        resolutionNote = note;
        finish(now);
    }

    /** Closes the task without resolving it, with a reason (e.g. 条件已消除经核实, 重复任务). */
    void close(long cadreId, String reason, Instant now) {
        move(TaskStatus.CLOSED, now, "CLOSED", "干部 #" + cadreId + " 关闭任务：" + reason);
        resolutionNote = reason;
        finish(now);
    }

    /**
     * Moves an overdue task one level up the assignment chain with a new due date.
     *
     * @param next the next responsible level above the current assignee
     */
    void escalate(Responsible next, LocalDate newDueDate, Instant now) {
        String from = assigneeLevelLabel() + (assigneeCadreId == null ? "" : "（干部 #" + assigneeCadreId + "）");
        move(TaskStatus.ESCALATED, now, "ESCALATED", "逾期未办结（期限 " + dueDate + "），由" + from + "升级至"
                + next.level().label() + (next.cadreId() == null ? "" : "（干部 #" + next.cadreId() + "）")
                + "，新期限 " + newDueDate);
        assigneeCadreId = next.cadreId();
        assigneeLevel = next.level().name();
        dueDate = newDueDate;
        escalationCount++;
    }

    private void move(TaskStatus next, Instant now, String action, String note) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTaskTransitionException(status, next);
        }
        status = next;
        history.add(new TaskEvent(now, action, note));
    }

    private void finish(Instant now) {
        openFlag = null;
        closedAt = now;
    }

    Responsible.Level assigneeLevelValue() {
        return assigneeLevel == null ? Responsible.Level.HELPER : Responsible.Level.valueOf(assigneeLevel);
    }

    String assigneeLevelLabel() {
        return assigneeLevelValue().label();
    }

    /**
     * The finding was seen again in a newer assessment: refresh the evidence and, if the condition had been marked
     * cleared, mark it present again.
     *
     * @return whether anything changed
     */
    boolean seenAgain(long newAssessmentId, FindingView finding, Instant now) {
        if (assessmentId != null && assessmentId == newAssessmentId) {
            return false;
        }
        assessmentId = newAssessmentId;
        lastSeenAt = now;
        pointTo(finding);
        if (clearedNote != null) {
            clearedNote = null;
            history.add(new TaskEvent(now, "CONDITION_RETURNED", "条件再次出现：" + finding.file() + " 第"
                    + finding.row() + "行 " + finding.code()));
        }
        return true;
    }

    /**
     * The finding no longer appears: mark the condition cleared for the cadre to confirm and close. The task stays
     * open; nothing is deleted.
     *
     * @return whether anything changed
     */
    boolean conditionCleared(long newAssessmentId, Instant now) {
        if (autoClose) {
            clearedNote = "数据已更正：评估 #" + newAssessmentId + " 中 " + findingFile + " 第" + findingRow + "行 "
                    + findingCode + " 不再命中，任务自动关闭";
            move(TaskStatus.CLOSED, now, "AUTO_CLOSED", clearedNote);
            resolutionNote = clearedNote;
            finish(now);
            return true;
        }
        if (clearedNote != null) {
            return false;
        }
        clearedNote = "条件已消除：评估 #" + newAssessmentId + " 中 " + findingFile + " 第" + findingRow + "行 "
                + findingCode + " 不再命中，请核实后办结或关闭";
        history.add(new TaskEvent(now, "CONDITION_CLEARED", clearedNote));
        return true;
    }

    private void pointTo(FindingView finding) {
        findingFile = finding.file();
        findingRow = finding.row();
        findingCode = finding.code();
        reason = finding.reason();
    }

    private static int dueDays(FindingView finding) {
        String d = finding.outputs().get("due_days");
        return d == null ? 7 : Integer.parseInt(d.trim());
    }

    Long id() {
        return id;
    }

    Long householdId() {
        return householdId;
    }

    String taskCode() {
        return taskCode;
    }

    String taskType() {
        return taskType;
    }

    TaskStatus status() {
        return status;
    }

    Long assigneeCadreId() {
        return assigneeCadreId;
    }

    LocalDate dueDate() {
        return dueDate;
    }

    Instant openedAt() {
        return openedAt;
    }

    Instant lastSeenAt() {
        return lastSeenAt;
    }

    Long assessmentId() {
        return assessmentId;
    }

    String findingFile() {
        return findingFile;
    }

    Integer findingRow() {
        return findingRow;
    }

    String findingCode() {
        return findingCode;
    }

    String reason() {
        return reason;
    }

    String clearedNote() {
        return clearedNote;
    }

    List<TaskEvent> history() {
        return List.copyOf(history);
    }

    List<Visit> visits() {
        return List.copyOf(visits);
    }

    Resolution resolution() {
        return resolution;
    }

    String resolutionNote() {
        return resolutionNote;
    }

    Long villageId() {
        return villageId;
    }

    int escalationCount() {
        return escalationCount;
    }

    boolean autoClose() {
        return autoClose;
    }

    Instant closedAt() {
        return closedAt;
    }
}
