package cn.shoudi;

import org.slf4j.Logger;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Escalates overdue work (tasks, procedure steps) in pages of ids, each item in a transaction of its own, run again
 * when it lost a race ({@link Retrying}; the item is read again, so an item another instance escalated meanwhile is no
 * longer overdue and is skipped): of two instances racing for one item exactly one escalates it, and an item that fails
 * is logged while the others go on.
 */
public final class OverdueSweep {

    private static final int BATCH = 500;
    private static final int ATTEMPTS = 3;

    private OverdueSweep() {
    }

    /**
     * @param overdueIds a query with two parameters, the day and the last id seen, returning the ids of overdue items
     *                   greater than that id in ascending order (the page size is appended as {@code LIMIT})
     * @param escalate   escalates one item inside the transaction if it is still overdue on the day; says whether it did
     * @return how many items this call escalated
     */
    public static int run(JdbcClient jdbc, TransactionTemplate tx, Logger log, String what, String overdueIds,
                          LocalDate today, BiPredicate<Long, LocalDate> escalate) {
        int escalated = 0;
        long after = 0;
        while (true) {
            List<Long> ids = jdbc.sql(overdueIds + " LIMIT " + BATCH).params(today, after).query(Long.class).list();
            if (ids.isEmpty()) {
                break;
            }
            for (Long id : ids) {
                try {
                    if (Boolean.TRUE.equals(Retrying.inTransaction(tx, ATTEMPTS, () -> escalate.test(id, today)))) {
                        escalated++;
                    }
                } catch (OptimisticLockingFailureException e) {
                    log.debug("{} {} was changed concurrently; another instance escalated it or someone acted", what, id);
                } catch (RuntimeException e) {
                    log.error("cannot escalate {} {}; the other overdue ones go on: {}", what, id, e.toString());
                }
            }
            after = ids.get(ids.size() - 1);
        }
        if (escalated > 0) {
            log.info("escalated {} overdue {}", escalated, what);
        }
        return escalated;
    }
}
