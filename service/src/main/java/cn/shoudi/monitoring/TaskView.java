package cn.shoudi.monitoring;

import io.swagger.v3.oas.annotations.media.Schema;
import cn.shoudi.registry.Measure;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** A monitoring task as the API returns it. */
record TaskView(long id, long householdId, Long villageId, String taskCode, String taskType, String status,
                String statusLabel, Long assigneeCadreId, String assigneeLevel, LocalDate dueDate, boolean overdue,
                int escalationCount, Instant openedAt, Instant lastSeenAt, Instant closedAt, long assessmentId,
                String findingFile, int findingRow, String findingCode, String reason, String clearedNote,
                String resolution, String resolutionNote, boolean autoClose, List<VisitView> visits,
                List<TaskEvent> history) {

    /** A visit with its measures as Chinese labels. */
    @Schema(name = "TaskVisitView")
    record VisitView(LocalDate visitDate, long cadreId, String findings, List<String> measures, String otherMeasure,
                     Instant recordedAt) {
    }

    static TaskView of(MonitoringTask t, LocalDate today) {
        List<VisitView> visits = t.visits().stream().map(v -> new VisitView(v.visitDate(), v.cadreId(), v.findings(),
                v.measures().isBlank() ? List.of() : Arrays.stream(v.measures().split(","))
                        .map(m -> Measure.valueOf(m).label()).toList(), v.otherMeasure(), v.recordedAt())).toList();
        return new TaskView(t.id(), t.householdId(), t.villageId(), t.taskCode(), t.taskType(), t.status().name(),
                t.status().label(), t.assigneeCadreId(), t.assigneeLevelLabel(), t.dueDate(),
                t.status().open() && t.dueDate().isBefore(today), t.escalationCount(), t.openedAt(), t.lastSeenAt(),
                t.closedAt(), t.assessmentId(), t.findingFile(), t.findingRow(), t.findingCode(), t.reason(),
                t.clearedNote(), t.resolution() == null ? null : t.resolution().label(), t.resolutionNote(),
                t.autoClose(), visits, t.history());
    }
}
