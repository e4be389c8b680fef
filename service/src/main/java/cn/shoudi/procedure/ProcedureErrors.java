package cn.shoudi.procedure;

import cn.shoudi.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Procedure errors as RFC 9457 problem details, in Chinese. */
@RestControllerAdvice
@Order(0)
class ProcedureErrors {

    @ExceptionHandler
    ProblemDetail illegal(IllegalStepException e) {
        return Problems.of(HttpStatus.CONFLICT, "illegal-step", "步骤不能办理", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail stale(StaleProcedureException e) {
        return Problems.of(HttpStatus.CONFLICT, "stale-procedure", "程序已被他人办理", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notAllowed(StepNotAllowedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "step-not-allowed", "无权办理此步骤", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(ProcedureNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "未找到", "该程序不存在");
    }
}
