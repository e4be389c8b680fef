package cn.shoudi.registry;

import cn.shoudi.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Registry errors as RFC 9457 problem details, with Chinese titles and every invalid field listed. */
@RestControllerAdvice
@org.springframework.core.annotation.Order(0)
class RegistryErrors {

    @ExceptionHandler
    ProblemDetail invalid(InvalidHouseholdException e) {
        ProblemDetail pd = Problems.of(HttpStatus.BAD_REQUEST, "invalid-data", "数据校验未通过",
                "提交的数据有 " + e.problems().size() + " 处问题");
        pd.setProperty("errors", e.problems());
        return pd;
    }

    @ExceptionHandler
    ProblemDetail stale(StaleHouseholdException e) {
        ProblemDetail pd = Problems.of(HttpStatus.CONFLICT, "stale-version", "数据已被修改",
                "该户信息已被他人修改，请刷新后重新编辑（当前版本 " + e.currentVersion() + "）");
        pd.setProperty("currentVersion", e.currentVersion());
        return pd;
    }

    @ExceptionHandler
    ProblemDetail illegalStatusChange(IllegalStatusChangeException e) {
        return Problems.of(HttpStatus.CONFLICT, "illegal-status-change", "状态不能这样变更", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail villageNotFound(VillageNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "未找到", "行政村不存在");
    }

    @ExceptionHandler
    ProblemDetail notFound(HouseholdNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "未找到", "该户不存在");
    }
}
