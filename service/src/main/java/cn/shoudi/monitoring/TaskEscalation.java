package cn.shoudi.monitoring;

import cn.shoudi.OverdueSweep;
import cn.shoudi.registry.Registry;
import cn.shoudi.registry.Responsible;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Escalates overdue open tasks one level up the assignment chain (帮扶责任人 → 驻组干部 → 村两委 → 乡镇), with a new
 * due date and a history entry. Safe with several instances: each task is escalated in its own transaction under
 * optimistic locking, so of two instances racing for one task exactly one escalates it.
 */
@Component
class TaskEscalation {

    private static final Logger log = LoggerFactory.getLogger(TaskEscalation.class);

    private final Tasks tasks;
    private final Registry registry;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TaskMetrics metrics;
    private final MonitoringProperties properties;
    private final Clock clock;

    TaskEscalation(Tasks tasks, Registry registry, JdbcClient jdbc, PlatformTransactionManager txManager,
                   TaskMetrics metrics, MonitoringProperties properties, Clock clock) {
        this.tasks = tasks;
        this.registry = registry;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${shoudi.monitoring.escalation-interval:PT10M}",
            initialDelayString = "${shoudi.monitoring.escalation-initial-delay:PT1M}")
    void scheduled() {
        escalateOverdue();
    }

    /** Escalates every task overdue today; returns how many this call escalated. */
    int escalateOverdue() {
        return OverdueSweep.run(jdbc, tx, log, "task", "SELECT id FROM monitoring_task WHERE open_flag = 1 "
                + "AND due_date < ? AND id > ? ORDER BY id", LocalDate.now(clock), this::escalate);
    }

    private boolean escalate(long taskId, LocalDate today) {
        MonitoringTask t = tasks.findById(taskId).orElse(null);
        if (t == null || !t.status().open() || !t.dueDate().isBefore(today)) {
            return false;
        }
        Responsible next = registry.nextAbove(t.householdId(), t.assigneeLevelValue());
        t.escalate(next, today.plusDays(properties.escalationDueDays()), clock.instant());
        tasks.save(t);
        metrics.escalated(next.level().name());
        return true;
    }
}
