package cn.shoudi.registry;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** Registry errors as RFC 9457 problem details, with Chinese titles and every invalid field listed. */
@RestControllerAdvice
class RegistryErrors {

    @ExceptionHandler
    ProblemDetail invalid(InvalidHouseholdException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "提交的数据有 " + e.problems().size() + " 处问题");
        pd.setTitle("数据校验未通过");
        pd.setType(URI.create("urn:shoudi:problem:invalid-data"));
        pd.setProperty("errors", e.problems());
        return pd;
    }

    @ExceptionHandler
    ProblemDetail stale(StaleHouseholdException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "该户信息已被他人修改，请刷新后重新编辑（当前版本 " + e.currentVersion() + "）");
        pd.setTitle("数据已被修改");
        pd.setType(URI.create("urn:shoudi:problem:stale-version"));
        pd.setProperty("currentVersion", e.currentVersion());
        return pd;
    }

    @ExceptionHandler
    ProblemDetail notFound(HouseholdNotFoundException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "该户不存在");
        pd.setTitle("未找到");
        pd.setType(URI.create("urn:shoudi:problem:not-found"));
        return pd;
    }
}
