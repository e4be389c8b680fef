package cn.shoudi;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLTransactionRollbackException;

import static org.assertj.core.api.Assertions.assertThat;

/** A request that lost a lock race or found the database down is told so in Chinese, never with an incident. */
class ProblemsUnitTest {

    @Test
    void aRequestWhoseCommitFailedCertificationAnswers409SayingNothingWasSaved() {
        ProblemDetail pd = new Problems().lostRace(new CannotAcquireLockException("JDBC commit",
                new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213)));

        assertThat(pd.getStatus()).isEqualTo(409);
        assertThat(pd.getTitle()).isEqualTo("数据正被他人同时修改");
        assertThat(pd.getDetail()).contains("未保存", "重试").doesNotContain("Deadlock", "JDBC");
    }

    @Test
    void aRequestThatFoundTheDatabaseDownAnswers503SayingItMayNotHaveBeenSaved() {
        ProblemDetail pd = new Problems().databaseUnavailable(new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction"));

        assertThat(pd.getStatus()).isEqualTo(503);
        assertThat(pd.getDetail()).contains("可能未保存").doesNotContain("JDBC");
    }
}
