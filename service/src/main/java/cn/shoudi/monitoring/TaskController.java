package cn.shoudi.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.shoudi.Viewer;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

import cn.shoudi.InvalidRequestException;
import cn.shoudi.assessment.AssessmentHistory;
import cn.shoudi.assessment.AssessmentView;
import cn.shoudi.assessment.FindingView;
import cn.shoudi.registry.HouseholdSnapshot;
import cn.shoudi.registry.Registry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The cadre's task API: inbox with filters, task detail with the explanation, and the task's lifecycle. */
@Tag(name = "监测任务")
@RestController
public class TaskController {

    private final Tasks tasks;
    private final TaskCommands commands;
    private final AssessmentHistory assessments;
    private final Registry registry;
    private final Clock clock;

    TaskController(Tasks tasks, TaskCommands commands, AssessmentHistory assessments, Registry registry,
                   Clock clock) {
        this.tasks = tasks;
        this.commands = commands;
        this.assessments = assessments;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * The cadre's open tasks, soonest due first.
     *
     * @param status    comma-separated statuses to keep (e.g. OPEN,ESCALATED), all open ones when absent
     * @param due       overdue, today or week (due within 7 days), any when absent
     * @param villageId only tasks of households in this village
     */
    @Operation(summary = "列出帮扶责任人的监测任务（按状态、到期、行政村筛选）")
    @GetMapping("/api/cadres/{cadreId}/tasks")
    public List<TaskView> cadreTasks(@PathVariable long cadreId, @RequestParam(required = false) String status,
                              @RequestParam(required = false) String due,
                              @RequestParam(required = false) Long villageId) {
        Viewer v = Viewer.current();
        boolean foreign = v.isCadre() ? !Long.valueOf(cadreId).equals(v.cadreId())
                : v.limitedToVillage() != null && !registry.villageOfCadre(cadreId).equals(Optional.of(v.limitedToVillage()));
        if (foreign) {
            throw new TaskNotFoundException(cadreId);
        }
        LocalDate today = LocalDate.now(clock);
        Set<TaskStatus> statuses = status == null || status.isBlank() ? null : Arrays.stream(status.split(","))
                .map(s -> parseStatus(s.trim())).collect(Collectors.toSet());
        return tasks.findOpenByAssignee(cadreId).stream()
                .filter(t -> statuses == null || statuses.contains(t.status()))
                .filter(t -> villageId == null || villageId.equals(t.villageId()))
                .filter(t -> due == null || due.isBlank() || switch (due) {
                    case "overdue" -> t.dueDate().isBefore(today);
                    case "today" -> t.dueDate().equals(today);
                    case "week" -> !t.dueDate().isAfter(today.plusDays(7));
                    default -> throw new InvalidRequestException(List.of("due 只能是 overdue、today 或 week"));
                })
                .map(t -> TaskView.of(t, today)).toList();
    }

    /** Every task of a household, open or not, oldest first. */
    @Operation(summary = "列出户的监测任务")
    @GetMapping("/api/households/{householdId}/tasks")
    public List<TaskView> householdTasks(@PathVariable long householdId) {
        registry.requireVisible(Viewer.current(), householdId);
        LocalDate today = LocalDate.now(clock);
        return tasks.findByHouseholdIdOrderById(householdId).stream().map(t -> TaskView.of(t, today)).toList();
    }

    /** Summary of the household a task concerns. */
    record HouseholdSummary(long id, String householdNo, long villageId, long groupId, String householdClass,
                            int memberCount, BigDecimal netIncome, List<String> members) {
    }

    /**
     * A task with the household's summary, the finding that raised it (evidence) and the household's current
     * explanation (latest assessment).
     */
    record TaskDetail(TaskView task, HouseholdSummary household, FindingView evidence, AssessmentView current) {
    }

    @Operation(summary = "查询监测任务详情及其原因说明")
    @GetMapping("/api/tasks/{taskId}")
    public TaskDetail detail(@PathVariable long taskId) {
        MonitoringTask t = visibleTask(taskId);
        HouseholdSummary summary = registry.snapshot(t.householdId()).map(TaskController::summary).orElse(null);
        FindingView evidence = assessments.find(t.assessmentId()).flatMap(a -> a.findings().stream()
                .filter(f -> f.code().equals(t.findingCode())).findFirst()).orElse(null);
        return new TaskDetail(TaskView.of(t, LocalDate.now(clock)), summary, evidence,
                assessments.latest(t.householdId()).orElse(null));
    }

    public record CadreAction(long cadreId) {
    }

    /** @param category for 纳入监测, the proposed 监测类型 (default: the latest assessment's proposal) */
    public record Resolve(long cadreId, String outcome, String note, String category) {
    }

    public record Close(long cadreId, String reason) {
    }

    @Operation(summary = "签收监测任务")
    @PostMapping("/api/tasks/{taskId}/acknowledge")
    public TaskView acknowledge(@PathVariable long taskId, @RequestBody CadreAction body) {
        actingAs(taskId, body.cadreId());
        return TaskView.of(commands.acknowledge(taskId, body.cadreId()), LocalDate.now(clock));
    }

    @Operation(summary = "登记监测任务的入户走访")
    @PostMapping("/api/tasks/{taskId}/visits")
    public TaskView visit(@PathVariable long taskId, @RequestBody TaskCommands.VisitData body) {
        actingAs(taskId, body.cadreId());
        return TaskView.of(commands.recordVisit(taskId, body), LocalDate.now(clock));
    }

    @Operation(summary = "办结监测任务（登记处理结果）")
    @PostMapping("/api/tasks/{taskId}/resolve")
    public TaskView resolve(@PathVariable long taskId, @RequestBody Resolve body) {
        actingAs(taskId, body.cadreId());
        return TaskView.of(commands.resolve(taskId, body.cadreId(), body.outcome(), body.note(), body.category()), LocalDate.now(clock));
    }

    @Operation(summary = "关闭监测任务（说明原因）")
    @PostMapping("/api/tasks/{taskId}/close")
    public TaskView close(@PathVariable long taskId, @RequestBody Close body) {
        actingAs(taskId, body.cadreId());
        return TaskView.of(commands.close(taskId, body.cadreId(), body.reason()), LocalDate.now(clock));
    }

    /**
     * The task, if it is assigned to the viewer or its household is visible to the viewer; otherwise 404 as for a task
     * that does not exist.
     */
    private MonitoringTask visibleTask(long taskId) {
        MonitoringTask t = commands.find(taskId);
        Viewer v = Viewer.current();
        boolean mine = v.cadreId() != null && v.cadreId().equals(t.assigneeCadreId());
        if (!mine && !registry.visible(v, t.householdId())) {
            throw new TaskNotFoundException(taskId);
        }
        return t;
    }

    /** A cadre works a task as themself: the cadre named in the body must be the signed-in account's cadre. */
    private void actingAs(long taskId, Long cadreId) {
        visibleTask(taskId);
        Viewer v = Viewer.current();
        if (v != Viewer.SYSTEM && (v.cadreId() == null || !v.cadreId().equals(cadreId))) {
            throw new AccessDeniedException("a cadre acts only as themself");
        }
    }

    private static HouseholdSummary summary(HouseholdSnapshot s) {
        return new HouseholdSummary(s.householdId(), s.householdNo(), s.villageId(), s.groupId(),
                s.input().householdClass().label(), s.input().members().size(), s.input().netIncome(),
                s.input().members().stream().map(m -> m.name() + "（" + m.relation() + "）").toList());
    }

    private static TaskStatus parseStatus(String s) {
        try {
            return TaskStatus.valueOf(s.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of("未知的任务状态“" + s + "”，可选："
                    + String.join("、", Arrays.stream(TaskStatus.values()).map(Enum::name).toList())));
        }
    }
}
