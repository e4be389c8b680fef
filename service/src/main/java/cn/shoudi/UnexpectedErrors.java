package cn.shoudi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.UUID;

/**
 * The last resort for errors no feature answers: a 500 problem with an incident number, never a stack trace, SQL or
 * an exception message; the details go to the log under that number. Spring MVC's own errors keep their status, and
 * access errors go on to Spring Security (401/403).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnexpectedErrors {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        if (e instanceof ErrorResponse er) {
            return ResponseEntity.status(er.getStatusCode()).body(er.getBody());
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("incident {}: unexpected error", incident, e);
        ProblemDetail pd = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "服务器内部错误",
                "处理请求时出错，请稍后重试；如仍出错请联系管理员并提供事件编号 " + incident);
        pd.setProperty("incident", incident);
        return ResponseEntity.internalServerError().body(pd);
    }
}
