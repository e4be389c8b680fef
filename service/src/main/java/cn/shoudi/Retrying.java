package cn.shoudi;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs work in a transaction of its own, and again when it lost a race with another thread, instance or database node
 * (see {@link #lostRace}), after a short randomised pause. The work must be safe to repeat: every caller re-reads what
 * it needs inside the transaction, and a transaction that lost was rolled back whole. Requests of people are not
 * repeated here: their conflicts are answered 409 (see {@link Problems}).
 */
public final class Retrying {

    /** MySQL/MariaDB: deadlock, also a Galera certification failure ({@code ER_LOCK_DEADLOCK}). */
    static final int ER_LOCK_DEADLOCK = 1213;
    /** MySQL/MariaDB: lock wait timeout. */
    static final int ER_LOCK_WAIT_TIMEOUT = 1205;

    private Retrying() {
    }

    /**
     * Whether a failure means that the transaction lost a race and was rolled back, so that running it again may
     * succeed: a deadlock, lock wait timeout or Galera certification failure (MySQL error 1213 or 1205, SQL state
     * 40001, however Spring translated it: {@code CannotAcquireLockException}, {@code PessimisticLockingFailureException}
     * or a commit's {@code TransactionSystemException}), an optimistic-lock conflict, or a duplicate key from a
     * concurrent insert. Anything else (bad data, bad SQL, a lost connection) is not retried here.
     */
    public static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyFailureException || t instanceof DuplicateKeyException
                    || t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException e && (e.getErrorCode() == ER_LOCK_DEADLOCK
                    || e.getErrorCode() == ER_LOCK_WAIT_TIMEOUT || "40001".equals(e.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * At most {@code attempts} runs of a task that lost a race ({@link #lostRace}), 10 ms apart at first and up to
     * 200 ms, randomised so that two nodes' retries do not collide again.
     *
     * @param attempts how many times at most, at least 1
     */
    public static RetryTemplate template(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        return new RetryTemplate(RetryPolicy.builder().maxRetries(attempts - 1L).predicate(Retrying::lostRace)
                .delay(Duration.ofMillis(10)).jitter(Duration.ofMillis(5)).multiplier(2)
                .maxDelay(Duration.ofMillis(200)).build());
    }

    /**
     * @param attempts how many times at most, at least 1
     * @throws RuntimeException the last failure when every attempt lost, or the first that is not a lost race
     */
    public static <T> T inTransaction(TransactionTemplate tx, int attempts, Supplier<T> work) {
        return template(attempts).invoke(() -> tx.execute(status -> work.get()));
    }
}
