package cn.shoudi.policy;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** Refused policy operations as RFC 9457 problem details with Chinese messages. */
@RestControllerAdvice
class PolicyErrors {

    @ExceptionHandler
    ProblemDetail refused(PolicyProblem e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        pd.setTitle("策略操作未执行");
        pd.setType(URI.create("urn:shoudi:problem:policy"));
        return pd;
    }
}
