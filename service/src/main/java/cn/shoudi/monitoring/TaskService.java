package cn.shoudi.monitoring;

import cn.shoudi.assessment.AssessmentHistory;
import cn.shoudi.assessment.AssessmentRecorded;
import cn.shoudi.assessment.AssessmentsRecorded;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TaskService(Tasks tasks, AssessmentHistory assessments, Registry registry, PlatformTransactionManager txManager,
                TaskMetrics metrics, Clock clock, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** A page of a full re-evaluation stored new assessments: reconcile the page's households together. */
    @Async
    @TransactionalEventListener
    void on(AssessmentsRecorded event) {
        reconcile(event.householdIds());
    }

    /** Brings the household's tasks in step with its latest assessment. */
    void reconcile(long householdId) {
        reconcile(List.of(householdId));
    }

    /**
     * Brings several households' tasks in step with their latest assessments in one transaction, reading them with a
     * fixed number of set queries (latest task findings, open tasks; and for findings not yet followed, their streaks,
     * earlier tasks, responsible cadres and villages) and writing only the tasks that change.
     */
    void reconcile(Collection<Long> householdIds) {
        if (householdIds.isEmpty()) {
            return;
        }
        cn.shoudi.Retrying.inTransaction(tx, ATTEMPTS, () -> {
            reconcileInTransaction(new TreeSet<>(householdIds));
            return null;
        });
    }

    private void reconcileInTransaction(Set<Long> householdIds) {
        Map<Long, AssessmentHistory.TaskFindings> latest = assessments.latestTaskFindings(householdIds);
        if (latest.isEmpty()) {
            return;
        }
        Map<Long, List<MonitoringTask>> openTasks = new HashMap<>();
        for (MonitoringTask t : tasks.findOpenByHouseholds(latest.keySet())) {
            openTasks.computeIfAbsent(t.householdId(), k -> new ArrayList<>()).add(t);
        }
        Instant now = clock.instant();
        List<MonitoringTask> changed = new ArrayList<>();
        Map<Long, Map<String, FindingView>> unfollowed = new TreeMap<>();
        for (Long householdId : householdIds) {
            AssessmentHistory.TaskFindings assessment = latest.get(householdId);
            if (assessment == null) {
                continue;
            }
            Map<String, FindingView> wanted = new LinkedHashMap<>();
            for (FindingView f : assessment.findings()) {
                String code = f.outputs().get("task_code");
                if (code != null && !code.isBlank()) {
                    wanted.putIfAbsent(code.trim(), f);
                }
            }
            for (MonitoringTask task : openTasks.getOrDefault(householdId, List.of())) {
                FindingView f = wanted.remove(task.taskCode());
                boolean change = f != null ? task.seenAgain(assessment.assessmentId(), f, now)
                        : task.conditionCleared(assessment.assessmentId(), now);
                if (change) {
                    changed.add(task);
                }
            }
            if (!wanted.isEmpty()) {
                unfollowed.put(householdId, wanted);
            }
        }
        tasks.saveAll(changed);
        if (!unfollowed.isEmpty()) {
            open(unfollowed, latest, now);
        }
    }

    /** Opens tasks for findings no open task follows, unless already raised (and since finished) in their streak. */
    private void open(Map<Long, Map<String, FindingView>> unfollowed, Map<Long, AssessmentHistory.TaskFindings> latest,
                      Instant now) {
        Map<Long, Set<String>> codes = new HashMap<>();
        unfollowed.forEach((h, wanted) -> codes.put(h, wanted.keySet()));
        Map<Long, Map<String, Long>> streaks = assessments.streakStarts(codes);
        Map<Long, Map<String, Long>> raised = new HashMap<>();
        jdbc.sql("SELECT household_id, task_code, MAX(raised_assessment_id) FROM monitoring_task "
                        + "WHERE household_id IN (:ids) GROUP BY household_id, task_code")
                .param("ids", unfollowed.keySet())
                .query(rs -> {
                    raised.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        Map<Long, Map<String, FindingView>> fresh = new TreeMap<>();
        unfollowed.forEach((h, wanted) -> wanted.forEach((code, f) -> {
            long streak = streaks.getOrDefault(h, Map.of()).getOrDefault(code, 0L);
            Long lastRaised = raised.getOrDefault(h, Map.of()).get(code);
            if (streak > 0 && lastRaised != null && lastRaised >= streak) {
                return; // already raised in this streak and since resolved or closed: not a new finding
            }
            fresh.computeIfAbsent(h, k -> new LinkedHashMap<>()).put(code, f);
        }));
        if (fresh.isEmpty()) {
            return;
        }
        Map<Long, Responsible> chain = registry.responsibleFor(fresh.keySet(), false);
        Set<Long> forOfficers = new TreeSet<>();
        fresh.forEach((h, wanted) -> {
            if (wanted.values().stream().anyMatch(TaskService::forInformationOfficer)) {
                forOfficers.add(h);
            }
        });
        Map<Long, Responsible> officers = registry.responsibleFor(forOfficers, true);
        Map<Long, Long> villages = registry.villagesOf(fresh.keySet());
        List<MonitoringTask> opened = new ArrayList<>();
        fresh.forEach((h, wanted) -> wanted.forEach((code, f) -> {
            Responsible who = forInformationOfficer(f) ? officers.get(h) : chain.get(h);
            if (who == null) {
                return; // the household is gone
            }
            MonitoringTask task = MonitoringTask.open(h, villages.get(h), latest.get(h).assessmentId(), f, code,
                    who, now, LocalDate.now(clock));
            opened.add(task);
        }));
        tasks.saveAll(opened);
        for (MonitoringTask task : opened) {
            metrics.opened(task.taskCode());
            log.info("opened task {} ({}) for household {} assigned to {} {}", task.taskCode(), task.taskType(),
                    task.householdId(), task.assigneeLevelValue(), task.assigneeCadreId());
        }
    }

    private static boolean forInformationOfficer(FindingView f) {
        return "扶贫信息员".equals(f.outputs().get("assignee_role"));
    }
}
