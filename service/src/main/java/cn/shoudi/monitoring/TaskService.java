package cn.shoudi.monitoring;

import cn.shoudi.assessment.AssessmentHistory;
import cn.shoudi.assessment.AssessmentRecorded;
import cn.shoudi.assessment.AssessmentView;
import cn.shoudi.assessment.FindingView;
import cn.shoudi.registry.HouseholdChanged;
import cn.shoudi.registry.Registry;
import cn.shoudi.registry.Responsible;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a household's open tasks in step with its latest assessment: a finding that calls for follow-up (it sets a
 * task code) opens a task for the responsible cadre when it is new — once per continuous run of assessments carrying
 * it, so a resolved task is not raised again while the condition persists — or refreshes the open one; an open task
 * whose finding is gone is marked "condition cleared" for the cadre to confirm. Reconciling twice changes nothing
 * the second time, so replays after a crash are safe. Open tasks follow the household's assignment chain.
 */
@Service
class TaskService {

    private static final Logger log = LoggerFactory.getLogger(TaskService.class);
    private static final int ATTEMPTS = 5;

    private final Tasks tasks;
    private final AssessmentHistory assessments;
    private final Registry registry;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final TaskMetrics metrics;

    TaskService(Tasks tasks, AssessmentHistory assessments, Registry registry, PlatformTransactionManager txManager,
                TaskMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.tasks = tasks;
        this.assessments = assessments;
        this.registry = registry;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    @Async
    @TransactionalEventListener
    void on(AssessmentRecorded event) {
        reconcile(event.householdId());
    }

    /** A household change may have changed its helper: open tasks follow the assignment chain. */
    @Async
    @TransactionalEventListener
    void on(HouseholdChanged event) {
        cn.shoudi.Retrying.inTransaction(tx, ATTEMPTS, () -> {
            reassign(event.householdId());
            return null;
        });
    }

    private void reassign(long householdId) {
        List<MonitoringTask> open = tasks.findOpenByHousehold(householdId);
        if (open.isEmpty()) {
            return;
        }
        Responsible now = registry.responsibleFor(householdId);
        for (MonitoringTask task : open) {
            if (task.reassignTo(now, clock.instant())) {
                tasks.save(task);
                log.info("task {} of household {} reassigned to {} {}", task.id(), householdId, now.level(),
                        now.cadreId());
            }
        }
    }

    /** Brings the household's tasks in step with its latest assessment. */
    void reconcile(long householdId) {
        cn.shoudi.Retrying.inTransaction(tx, ATTEMPTS, () -> {
            reconcileInTransaction(householdId);
            return null;
        });
    }

    private void reconcileInTransaction(long householdId) {
        Optional<AssessmentView> latest = assessments.latest(householdId);
        if (latest.isEmpty()) {
            return;
        }
        AssessmentView assessment = latest.get();
        Map<String, FindingView> wanted = new LinkedHashMap<>();
        for (FindingView f : assessment.findings()) {
            String code = f.outputs().get("task_code");
            if (code != null && !code.isBlank()) {
                wanted.putIfAbsent(code.trim(), f);
            }
        }
        Instant now = clock.instant();
        List<MonitoringTask> open = tasks.findOpenByHousehold(householdId);
        for (MonitoringTask task : open) {
            FindingView f = wanted.remove(task.taskCode());
            boolean changed = f != null ? task.seenAgain(assessment.id(), f, now)
                    : task.conditionCleared(assessment.id(), now);
            if (changed) {
                tasks.save(task);
            }
        }
        for (Map.Entry<String, FindingView> e : wanted.entrySet()) {
            long streak = assessments.streakStart(householdId, e.getKey());
            if (streak > 0 && tasks.raisedSince(householdId, e.getKey(), streak)) {
                continue; // already raised in this streak and since resolved or closed: not a new finding
            }
            Responsible who = "扶贫信息员".equals(e.getValue().outputs().get("assignee_role"))
                    ? registry.informationOfficerFor(householdId) : registry.responsibleFor(householdId);
            Long villageId = registry.snapshot(householdId).map(s -> s.villageId()).orElse(null);
            MonitoringTask task = MonitoringTask.open(householdId, villageId, assessment.id(), e.getValue(),
                    e.getKey(), who, now, LocalDate.now(clock));
            tasks.save(task);
            metrics.opened(e.getKey());
            log.info("opened task {} ({}) for household {} assigned to {} {}", e.getKey(), task.taskType(),
                    householdId, who.level(), who.cadreId());
        }
    }
}
