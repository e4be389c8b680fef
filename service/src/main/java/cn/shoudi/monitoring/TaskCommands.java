package cn.shoudi.monitoring;

import cn.shoudi.registry.Measure;
import cn.shoudi.InvalidRequestException;
import cn.shoudi.Viewer;
import cn.shoudi.registry.HouseholdStatuses;
import cn.shoudi.registry.Registry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a cadre does with a task: acknowledge, record a visit with measures, resolve with an outcome, close with a
 * reason. Illegal transitions are refused by the task itself.
 */
@Service
public class TaskCommands {

    private final Tasks tasks;
    private final Registry registry;
    private final TaskMetrics metrics;
    private final Clock clock;
    private final HouseholdStatuses statuses;
    private final ApplicationEventPublisher events;

    TaskCommands(Tasks tasks, Registry registry, TaskMetrics metrics, Clock clock, HouseholdStatuses statuses,
                 ApplicationEventPublisher events) {
        this.statuses = statuses;
        this.events = events;
        this.tasks = tasks;
        this.registry = registry;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * A visit as submitted: measures by enum name or Chinese label; the two assessments the risk-cleared table reads are
     * optional (null: not assessed at this visit).
     */
    public record VisitData(Long cadreId, LocalDate visitDate, String findings, List<String> measures, String otherMeasure,
                            Boolean rigidSpendResolved, Boolean newRiskDetected) {
    }

    @Transactional
    MonitoringTask acknowledge(long taskId, long cadreId) {
        requireCadre(cadreId);
        MonitoringTask t = find(taskId);
        t.acknowledge(cadreId, clock.instant());
        return tasks.save(t);
    }

    @Transactional
    MonitoringTask recordVisit(long taskId, VisitData data) {
        List<Measure> measures = validated(data);
        MonitoringTask t = find(taskId);
        Visit visit = new Visit(data.visitDate(), data.cadreId(), data.findings().trim(),
                measures.stream().map(Enum::name).collect(Collectors.joining(",")),
                measures.contains(Measure.OTHER) ? data.otherMeasure().trim() : null, clock.instant(),
                data.rigidSpendResolved(), data.newRiskDetected());
        t.recordVisit(visit, measures, clock.instant());
        MonitoringTask saved = tasks.save(t);
        statuses.recordVisit(t.householdId(), new HouseholdStatuses.VisitFacts(data.visitDate(), data.cadreId(), measures,
                visit.otherMeasure(), data.rigidSpendResolved(), data.newRiskDetected(), "任务 #" + taskId + " 走访"),
                Viewer.current().username());
        return saved;
    }

    /**
     * The measures of a valid visit.
     *
     * @throws InvalidRequestException listing every problem (unknown cadre, date in the future, no findings, unknown
     *                                 measure, 其他 without its text)
     */
    List<Measure> validated(VisitData data) {
        List<String> problems = new ArrayList<>();
        if (data.cadreId() == null || !registry.cadreExists(data.cadreId())) {
            problems.add("走访干部不存在");
        }
        LocalDate today = LocalDate.now(clock);
        if (data.visitDate() == null) {
            problems.add("走访日期不能为空");
        } else if (data.visitDate().isAfter(today)) {
            problems.add("走访日期不能晚于今天");
        }
        if (data.findings() == null || data.findings().isBlank()) {
            problems.add("请填写走访发现的情况");
        } else if (data.findings().length() > 1000) {
            problems.add("走访情况不能超过1000字");
        }
        List<Measure> measures = new ArrayList<>();
        for (String m : data.measures() == null ? List.<String>of() : data.measures()) {
            Measure.parse(m).ifPresentOrElse(measures::add, () -> problems.add("未知的帮扶措施“" + m + "”，可选："
                    + String.join("、", Arrays.stream(Measure.values()).map(Measure::label).toList())));
        }
        if (measures.contains(Measure.OTHER) && (data.otherMeasure() == null || data.otherMeasure().isBlank())) {
            problems.add("选择“其他”帮扶措施时请说明具体内容");
        } else if (data.otherMeasure() != null && data.otherMeasure().length() > 200) {
            problems.add("其他帮扶措施的说明不能超过200字");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return measures;
    }

    @Transactional
    MonitoringTask resolve(long taskId, long cadreId, String outcome, String note, String category) {
        requireCadre(cadreId);
        Resolution resolution = Resolution.parse(outcome).orElseThrow(() -> new InvalidRequestException(List.of(
                "未知的办结结果“" + outcome + "”，可选：" + String.join("、",
                        Arrays.stream(Resolution.values()).map(Resolution::label).toList()))));
        if (note != null && note.length() > 500) {
            throw new InvalidRequestException(List.of("办结说明不能超过500字"));
        }
        MonitoringTask t = find(taskId);
        t.resolve(cadreId, resolution, note, clock.instant());
        MonitoringTask saved = tasks.save(t);
        metrics.closed("RESOLVED");
        Visit last = saved.visits().isEmpty() ? null : saved.visits().get(saved.visits().size() - 1);
        // in this transaction: a procedure that cannot start (e.g. one already in progress) keeps the task open
        events.publishEvent(new TaskResolved(saved.id(), saved.householdId(), resolution, saved.taskType(),
                saved.findingFile(), saved.findingCode(), cadreId, last == null ? LocalDate.now(clock) : last.visitDate(),
                last == null ? note : last.findings(), category));
        return saved;
    }

    @Transactional
    MonitoringTask close(long taskId, long cadreId, String reason) {
        requireCadre(cadreId);
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException(List.of("关闭任务须填写原因"));
        }
        if (reason.length() > 500) {
            throw new InvalidRequestException(List.of("关闭原因不能超过500字"));
        }
        MonitoringTask t = find(taskId);
        t.close(cadreId, reason.trim(), clock.instant());
        MonitoringTask saved = tasks.save(t);
        metrics.closed("CLOSED");
        return saved;
    }

    @Transactional(readOnly = true)
    MonitoringTask find(long taskId) {
        return tasks.findById(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    private void requireCadre(long cadreId) {
        if (!registry.cadreExists(cadreId)) {
            throw new InvalidRequestException(List.of("干部 #" + cadreId + " 不存在"));
        }
    }
}
