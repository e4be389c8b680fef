package cn.shoudi.monitoring;

import cn.shoudi.assessment.FindingView;
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
    private String findingFile;
    private Integer findingRow;
    private String findingCode;
    private String reason;
    private String clearedNote;
    @MappedCollection(idColumn = "task_id", keyColumn = "position")
    private List<TaskEvent> history = new ArrayList<>();

    MonitoringTask() {
    }

    /** Opens a task for a finding that calls for follow-up. */
    static MonitoringTask open(long householdId, long assessmentId, FindingView finding, String taskCode,
                               Long assigneeCadreId, String assigneeLevel, Instant now, LocalDate today) {
        MonitoringTask t = new MonitoringTask();
        t.householdId = householdId;
        t.taskCode = taskCode;
        t.taskType = finding.outputs().getOrDefault("task_type", "入户核实");
        t.status = TaskStatus.OPEN;
        t.openFlag = 1;
        t.assigneeCadreId = assigneeCadreId;
        t.dueDate = today.plusDays(dueDays(finding));
        t.openedAt = now;
        t.lastSeenAt = now;
        t.assessmentId = assessmentId;
        t.pointTo(finding);
        t.history.add(new TaskEvent(now, "OPENED", "依据 " + finding.file() + " 第" + finding.row() + "行 "
                + finding.code() + " 开立任务，分派给" + assigneeLevel
                + (assigneeCadreId == null ? "" : "（干部 #" + assigneeCadreId + "）") + "，期限 " + t.dueDate));
        return t;
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
}
