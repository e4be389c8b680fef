package cn.shoudi.policy;

import cn.shoudi.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused policy operations as RFC 9457 problem details with Chinese messages. */
@RestControllerAdvice
@org.springframework.core.annotation.Order(0)
class PolicyErrors {

    @ExceptionHandler
    ProblemDetail refused(PolicyProblem e) {
        return Problems.of(e.status(), "policy", "策略操作未执行", e.getMessage());
    }
}
