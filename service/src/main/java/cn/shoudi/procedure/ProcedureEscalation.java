package cn.shoudi.procedure;

import cn.shoudi.registry.Registry;
import cn.shoudi.registry.Responsible;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Escalates procedures whose current step is overdue, as overdue tasks are: one level up the assignment chain
 * (帮扶责任人 → 驻组干部 → 村两委 → 乡镇) with a new due date and an entry in the procedure's record. Each procedure is
 * escalated in its own transaction under optimistic locking, so of two instances racing for one exactly one escalates.
 */
@Component
class ProcedureEscalation {

    private static final Logger log = LoggerFactory.getLogger(ProcedureEscalation.class);
    private static final int BATCH = 500;

    private final Procedures procedures;
    private final Registry registry;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int dueDays;

    ProcedureEscalation(Procedures procedures, Registry registry, JdbcClient jdbc, PlatformTransactionManager txManager,
                        Clock clock, @Value(
                                "${shoudi.monitoring.escalation-due-days:3}") int dueDays) {
        this.procedures = procedures;
        this.registry = registry;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.dueDays = dueDays;
    }

    @Scheduled(fixedDelayString = "${shoudi.monitoring.escalation-interval:PT10M}",
            initialDelayString = "${shoudi.monitoring.escalation-initial-delay:PT1M}")
    void scheduled() {
        escalateOverdue();
    }

    /** Escalates every procedure whose step is overdue today; returns how many this call escalated. */
    int escalateOverdue() {
        LocalDate today = LocalDate.now(clock);
        int escalated = 0;
        long after = 0;
        while (true) {
            List<Long> ids = jdbc.sql("SELECT id FROM procedure_case WHERE status = 'IN_PROGRESS' AND step_due_date < ? "
                    + "AND id > ? ORDER BY id LIMIT " + BATCH).params(today, after).query(Long.class).list();
            if (ids.isEmpty()) {
                break;
            }
            for (Long id : ids) {
                if (escalate(id, today)) {
                    escalated++;
                }
            }
            after = ids.get(ids.size() - 1);
        }
        if (escalated > 0) {
            log.info("escalated {} overdue procedure steps", escalated);
        }
        return escalated;
    }

    private boolean escalate(long id, LocalDate today) {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                Procedure p = procedures.findById(id).orElse(null);
                if (p == null || p.status() != ProcedureStatus.IN_PROGRESS || !p.stepDueDate().isBefore(today)) {
                    return false;
                }
                Responsible next = p.assigneeLevelValue() == Responsible.Level.TOWNSHIP
                        ? new Responsible(null, Responsible.Level.TOWNSHIP)
                        : registry.nextAbove(p.householdId(), p.assigneeLevelValue());
                p.escalate(next, today.plusDays(dueDays), clock.instant());
                procedures.save(p);
                return true;
            }));
        } catch (OptimisticLockingFailureException e) {
            log.debug("procedure {} was changed concurrently; another instance escalated it or a step was taken", id);
            return false;
        } catch (RuntimeException e) {
            log.error("cannot escalate procedure {}; the other overdue ones go on: {}", id, e.toString());
            return false;
        }
    }
}
