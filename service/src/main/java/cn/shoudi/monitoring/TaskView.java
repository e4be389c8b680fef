package cn.shoudi.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A monitoring task as the API returns it. */
record TaskView(long id, long householdId, String taskCode, String taskType, String status, String statusLabel,
                Long assigneeCadreId, LocalDate dueDate, boolean overdue, Instant openedAt, Instant lastSeenAt,
                long assessmentId, String findingFile, int findingRow, String findingCode, String reason,
                String clearedNote, List<TaskEvent> history) {

    static TaskView of(MonitoringTask t, LocalDate today) {
        return new TaskView(t.id(), t.householdId(), t.taskCode(), t.taskType(), t.status().name(),
                t.status().label(), t.assigneeCadreId(), t.dueDate(),
                t.status().open() && t.dueDate().isBefore(today), t.openedAt(), t.lastSeenAt(), t.assessmentId(),
                t.findingFile(), t.findingRow(), t.findingCode(), t.reason(), t.clearedNote(), t.history());
    }
}
