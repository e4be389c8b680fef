package cn.shoudi.assessment;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A year without a monitoring line makes the policy health DOWN, naming the table, parameter and year. */
@SpringBootTest(properties = {"shoudi.demo.enabled=false", "shoudi.assessment.as-of=2027-03-01",
        "spring.datasource.url=jdbc:h2:mem:policy-health;MODE=MySQL;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password="})
class PolicyHealthIntegrationTest {

    @Autowired
    PolicyHealth health;

    @Test
    void aYearWithoutTheParametersItsTablesNeedIsReportedDown() {
        Health h = health.health();
        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat((List<String>) h.getDetails().get("missingToday"))
                .contains("monitoring.xlsx: monitoring_line 2027", "risk-cleared.xlsx: monitoring_line 2027");
    }
}
