package cn.shoudi;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An unexpected error (here one carrying SQL) answers 500 with an incident number and no internals. */
class UnexpectedErrorsUnitTest {

    @Test
    void answers500WithAnIncidentNumberAndNoSqlOrMessage() throws Exception {
        ResponseEntity<ProblemDetail> r = new UnexpectedErrors().unexpected(new DataIntegrityViolationException(
                "Duplicate entry 'x' for key 'uk_registry_household_no' [insert into registry_household ...]"));
        assertThat(r.getStatusCode().value()).isEqualTo(500);
        String body = r.getBody().getDetail() + r.getBody().getTitle() + r.getBody().getProperties();
        assertThat(body).contains("服务器内部错误", "事件编号").doesNotContain("insert", "Duplicate", "registry_");
        assertThat(r.getBody().getProperties()).containsKey("incident");
    }

    @Test
    void leavesAccessErrorsToSpringSecurity() {
        assertThatThrownBy(() -> new UnexpectedErrors().unexpected(new AccessDeniedException("no")))
                .isInstanceOf(AccessDeniedException.class);
    }
}
