package cn.shoudi;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * Errors as RFC 9457 problem details with a Chinese title and detail and a stable type; also answers
 * {@link InvalidRequestException} for every feature.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(0)
public class Problems {

    /** A problem detail of the given status, Chinese title and detail, and type urn:shoudi:problem:{type}. */
    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        pd.setType(URI.create("urn:shoudi:problem:" + type));
        return pd;
    }

    /**
     * Two people changed the same record at once and this one lost the race (optimistic locking): 409, never a 500.
     * Features that can say more (a household, a procedure) answer their own problem before this one.
     */
    @ExceptionHandler
    ProblemDetail stale(OptimisticLockingFailureException e) {
        return of(HttpStatus.CONFLICT, "stale-version", "数据已被修改", "该记录刚被他人修改，请刷新后重试");
    }

    /**
     * The request's transaction lost a race for a lock and was rolled back whole: a deadlock, a lock wait timeout, or
     * on a Galera cluster a commit that failed certification against another node's (MySQL error 1213). A person's
     * change is not repeated behind their back (it may rest on what they read before the other change): 409, nothing
     * stored, and they may send it again.
     */
    @ExceptionHandler
    ProblemDetail lostRace(PessimisticLockingFailureException e) {
        return of(HttpStatus.CONFLICT, "concurrent-change", "数据正被他人同时修改",
                "另一项同时进行的操作修改了相同的数据，本次操作未保存，请稍后重试");
    }

    /**
     * The database cannot be reached (its server or cluster node is down or restarting): 503 rather than an incident,
     * and the person is told that the change may not have been saved (a connection lost at commit leaves it unknown).
     */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            RecoverableDataAccessException.class})
    ProblemDetail databaseUnavailable(Exception e) {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "数据库暂时无法访问",
                "数据库暂时无法访问，本次操作可能未保存，请稍后查看并重试");
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail pd = of(HttpStatus.BAD_REQUEST, "invalid-data", "提交的数据有误", String.join("；", e.problems()));
        pd.setProperty("errors", e.problems());
        return pd;
    }
}
