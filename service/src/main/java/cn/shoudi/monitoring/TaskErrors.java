package cn.shoudi.monitoring;

import cn.shoudi.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Task errors as RFC 9457 problem details with Chinese messages. */
@RestControllerAdvice
@org.springframework.core.annotation.Order(0)
class TaskErrors {

    @ExceptionHandler
    ProblemDetail illegalTransition(IllegalTaskTransitionException e) {
        ProblemDetail pd = Problems.of(HttpStatus.CONFLICT, "illegal-task-transition", "任务状态不允许该操作",
                e.getMessage().split(" / ")[0]);
        pd.setProperty("from", e.from().name());
        pd.setProperty("to", e.to().name());
        return pd;
    }

    @ExceptionHandler
    ProblemDetail notFound(TaskNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "未找到", "该任务不存在");
    }
}
