package cn.shoudi.intake;

import cn.shoudi.ApiClient;
import cn.shoudi.TestIds;
import cn.shoudi.TestTownship;
import cn.shoudi.registry.HouseholdData;
import cn.shoudi.registry.Registrar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * A crash in the middle of writing an import (simulated: the registry's write throws on the second household) leaves
 * no half-written household: all-or-nothing writes none, valid-only keeps the first household whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.monitoring.escalation-initial-delay=PT1H"})
class ImportCrashIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HouseholdImport importer;
    @MockitoSpyBean
    Registrar registrar;

    ApiClient api;
    String villageCode;
    String prefix;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port, jdbc);
        TestTownship town = new TestTownship(api);
        villageCode = town.villageCode;
        prefix = "C" + (System.nanoTime() % 100_000_000L);
    }

    private byte[] csv() {
        StringBuilder sb = new StringBuilder(String.join(",", HouseholdImportIntegrationTest.HEADERS)).append("\n");
        for (int h = 1; h <= 3; h++) {
            String head = TestIds.fresh("1970", true);
            String born = head.substring(6, 10) + "-" + head.substring(10, 12) + "-" + head.substring(12, 14);
            sb.append(String.join(",", prefix + h, villageCode, "1组", "一般农户", "60000", "0", "60000", "", "是", "否",
                    "A", "", "户主" + h, head, "男", born, "户主", "健康", "非在校", "是", "普通劳动力")).append("\n");
            sb.append(String.join(",", prefix + h, villageCode, "1组", "一般农户", "60000", "0", "60000", "", "是", "否",
                    "A", "", "配偶" + h, "", "女", "1972-03-04", "配偶", "健康", "非在校", "是", "普通劳动力")).append("\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void crashOnSecondWrite() {
        AtomicInteger writes = new AtomicInteger();
        doAnswer(inv -> {
            if (writes.incrementAndGet() == 2) {
                throw new IllegalStateException("simulated crash while writing the second household");
            }
            return inv.callRealMethod();
        }).when(registrar).upsert(any(HouseholdData.class), any());
    }

    private long households() {
        return jdbc.sql("SELECT COUNT(*) FROM registry_household WHERE household_no LIKE ?").param(prefix + "%")
                .query(Long.class).single();
    }

    private long members() {
        return jdbc.sql("SELECT COUNT(*) FROM registry_member m JOIN registry_household h ON h.id = m.household_id"
                + " WHERE h.household_no LIKE ?").param(prefix + "%").query(Long.class).single();
    }

    @Test
    void allOrNothingWritesNoHouseholdWhenTheWriteCrashesMidway() {
        crashOnSecondWrite();
        assertThatThrownBy(() -> importer.run("户籍.csv", csv(), HouseholdImport.Mode.ALL_OR_NOTHING, null))
                .hasMessageContaining("simulated crash");
        assertThat(households()).isZero();
        assertThat(members()).isZero();
    }

    @Test
    void validOnlyKeepsEveryHouseholdWrittenBeforeTheCrashWhole() {
        crashOnSecondWrite();
        assertThatThrownBy(() -> importer.run("户籍.csv", csv(), HouseholdImport.Mode.VALID_ONLY, null))
                .hasMessageContaining("simulated crash");
        assertThat(households()).isEqualTo(1);
        assertThat(members()).isEqualTo(2);
    }
}
