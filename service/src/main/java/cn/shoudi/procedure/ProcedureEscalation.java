package cn.shoudi.procedure;

import cn.shoudi.OverdueSweep;
import cn.shoudi.monitoring.MonitoringProperties;
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
 * Escalates procedures whose current step is overdue, as overdue tasks are: one level up the assignment chain
 * (帮扶责任人 → 驻组干部 → 村两委 → 乡镇) with a new due date and an entry in the procedure's record. Each procedure is
 * escalated in its own transaction under optimistic locking, so of two instances racing for one exactly one escalates.
 */
@Component
class ProcedureEscalation {

    private static final Logger log = LoggerFactory.getLogger(ProcedureEscalation.class);

    private final Procedures procedures;
    private final Registry registry;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MonitoringProperties properties;

    ProcedureEscalation(Procedures procedures, Registry registry, JdbcClient jdbc, PlatformTransactionManager txManager,
                        Clock clock, MonitoringProperties properties) {
        this.procedures = procedures;
        this.registry = registry;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${shoudi.monitoring.escalation-interval:PT10M}",
            initialDelayString = "${shoudi.monitoring.escalation-initial-delay:PT1M}")
    void scheduled() {
        escalateOverdue();
    }

    /** Escalates every procedure whose step is overdue today; returns how many this call escalated. */
    int escalateOverdue() {
        return OverdueSweep.run(jdbc, tx, log, "procedure step", "SELECT id FROM procedure_case WHERE "
                + "status = 'IN_PROGRESS' AND step_due_date < ? AND id > ? ORDER BY id", LocalDate.now(clock),
                this::escalate);
    }

    private boolean escalate(long id, LocalDate today) {
        Procedure p = procedures.findById(id).orElse(null);
        if (p == null || p.status() != ProcedureStatus.IN_PROGRESS || !p.stepDueDate().isBefore(today)) {
            return false;
        }
        Responsible next = p.assigneeLevelValue() == Responsible.Level.TOWNSHIP
                ? new Responsible(null, Responsible.Level.TOWNSHIP)
                : registry.nextAbove(p.householdId(), p.assigneeLevelValue());
        p.escalate(next, today.plusDays(properties.escalationDueDays()), clock.instant());
        procedures.save(p);
        return true;
    }
}
