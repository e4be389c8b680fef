package cn.shoudi;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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

    @ExceptionHandler
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail pd = of(HttpStatus.BAD_REQUEST, "invalid-data", "提交的数据有误", String.join("；", e.problems()));
        pd.setProperty("errors", e.problems());
        return pd;
    }
}
