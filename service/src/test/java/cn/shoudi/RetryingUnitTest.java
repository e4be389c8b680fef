package cn.shoudi;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

class RetryingUnitTest {

    /** What MariaDB answers a Galera commit that failed certification, and a statement of a transaction it aborted. */
    private static final SQLException CERTIFICATION_FAILURE = new SQLTransactionRollbackException(
            "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);

    private final TransactionTemplate tx = new TransactionTemplate(mock(PlatformTransactionManager.class));

    @Test
    void takesDeadlocksLockTimeoutsCertificationFailuresAndLostOptimisticRacesAsLostRaces() {
        List<Throwable> lost = List.of(
                new CannotAcquireLockException("lock wait timeout", new SQLException("Lock wait timeout", "HY000", 1205)),
                new PessimisticLockingFailureException("deadlock", CERTIFICATION_FAILURE),
                new TransactionSystemException("JDBC commit failed", CERTIFICATION_FAILURE),
                new UncategorizedSQLException("commit", "COMMIT", new SQLException("Deadlock", "HY000", 1213)),
                new DbActionExecutionException(null, new PessimisticLockingFailureException("deadlock")),
                new OptimisticLockingFailureException("version changed"),
                new DuplicateKeyException("uk_monitoring_task_open"));

        assertThat(lost).isNotEmpty().allSatisfy(e -> assertThat(Retrying.lostRace(e)).as(e.toString()).isTrue());
    }

    @Test
    void doesNotTakeBadDataBadSqlLostConnectionsOrBugsAsLostRaces() {
        List<Throwable> other = List.of(
                new DataIntegrityViolationException("fk", new SQLException("FK", "23000", 1452)),
                new BadSqlGrammarException("select", "SELEC 1", new SQLException("syntax", "42000", 1064)),
                new DataAccessResourceFailureException("Communications link failure"),
                new IllegalStateException("a bug"));

        assertThat(other).isNotEmpty().allSatisfy(e -> assertThat(Retrying.lostRace(e)).as(e.toString()).isFalse());
    }

    @Test
    void runsTheWorkAgainAfterALostRaceAndReturnsWhatTheLastRunReturned() {
        AtomicInteger runs = new AtomicInteger();

        String result = Retrying.inTransaction(tx, 3, () -> {
            if (runs.incrementAndGet() < 3) {
                throw new PessimisticLockingFailureException("certification failed", CERTIFICATION_FAILURE);
            }
            return "stored";
        });

        assertThat(result).isEqualTo("stored");
        assertThat(runs).hasValue(3);
    }

    @Test
    void givesUpAfterTheAttemptsWithTheLastFailureItself() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> Retrying.inTransaction(tx, 2, () -> {
            throw new CannotAcquireLockException("deadlock " + runs.incrementAndGet(), CERTIFICATION_FAILURE);
        })).isInstanceOf(CannotAcquireLockException.class).hasMessage("deadlock 2");
        assertThat(runs).hasValue(2);
    }

    @Test
    void doesNotRepeatWorkThatFailedForAnotherReason() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> Retrying.inTransaction(tx, 5, () -> {
            runs.incrementAndGet();
            throw new DataIntegrityViolationException("household 7 does not exist");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(runs).hasValue(1);
    }
}
