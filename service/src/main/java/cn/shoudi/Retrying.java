package cn.shoudi;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs work in a transaction of its own, and again when it lost a race with another thread or instance: a deadlock
 * or lock timeout, an optimistic-lock conflict, or a duplicate key from a concurrent insert. The work must be safe to
 * repeat (every caller re-reads what it needs inside the transaction).
 */
public final class Retrying {

    private Retrying() {
    }

    /**
     * @param attempts how many times at most, at least 1
     * @throws RuntimeException the last failure when every attempt lost
     */
    public static <T> T inTransaction(TransactionTemplate tx, int attempts, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> work.get());
            } catch (ConcurrencyFailureException | DuplicateKeyException e) {
                if (attempt >= attempts) {
                    throw e;
                }
            }
        }
    }
}
