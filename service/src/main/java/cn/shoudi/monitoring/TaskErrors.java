package cn.shoudi.monitoring;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** Task errors as RFC 9457 problem details with Chinese messages. */
@RestControllerAdvice
class TaskErrors {

    @ExceptionHandler
    ProblemDetail illegalTransition(IllegalTaskTransitionException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage().split(" / ")[0]);
        pd.setTitle("任务状态不允许该操作");
        pd.setType(URI.create("urn:shoudi:problem:illegal-task-transition"));
        pd.setProperty("from", e.from().name());
        pd.setProperty("to", e.to().name());
        return pd;
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidTaskCommandException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("；", e.problems()));
        pd.setTitle("提交的数据有误");
        pd.setType(URI.create("urn:shoudi:problem:invalid-data"));
        pd.setProperty("errors", e.problems());
        return pd;
    }

    @ExceptionHandler
    ProblemDetail notFound(TaskNotFoundException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "该任务不存在");
        pd.setTitle("未找到");
        pd.setType(URI.create("urn:shoudi:problem:not-found"));
        return pd;
    }
}
