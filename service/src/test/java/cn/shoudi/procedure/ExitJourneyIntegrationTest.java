package cn.shoudi.procedure;

import cn.shoudi.ApiClient;
import cn.shoudi.ProcedureClient;
import cn.shoudi.ProcedureClient.Answer;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static cn.shoudi.ProcedureClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** 退出 end to end through REST: a 未脱贫户 verified, reviewed, noticed, approved and announced becomes a 脱贫户. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.monitoring.escalation-initial-delay=PT1H"})
class ExitJourneyIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    TestTownship town;
    ProcedureClient procedures;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port, jdbc);
        town = new TestTownship(api);
        procedures = new ProcedureClient(api, town);
    }

    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void anAnnouncedExitMakesANotExitedHouseholdExitedInTheYearOfTheAnnouncement() {
        Map<String, Object> body = town.household("X" + System.nanoTime(), 12000);
        body.put("householdClass", "未脱贫户");
        body.put("housing", Map.of("mainCause", "因病", "registeredYear", 2014));
        long household = TestTownship.id(api.post("/api/households", body));
        api.awaitOutboxDrained();

        long procedure = procedures.started(household, Map.of("kind", "脱贫退出", "startedOn", "2019-10-08"));
        procedures.steps(procedure, List.of("VERIFICATION 2019-10-08", "VILLAGE_REVIEW 2019-10-10",
                "VILLAGE_NOTICE 2019-10-11 2019-10-18", "TOWNSHIP_REVIEW 2019-10-21"));
        assertThat(map(api.get("/api/households/" + household + "/status").get("status")))
                .containsEntry("householdClass", "NOT_EXITED");
        Map<String, Object> done = ok(procedures.take(procedure, "县级审定并公告", "通过", "2019-10-25",
                "彭水府〔2019〕30号"));
        api.awaitOutboxDrained();

        assertThat(done).containsEntry("status", "COMPLETED").containsEntry("decisionReference", "彭水府〔2019〕30号");
        Map<String, Object> status = api.get("/api/households/" + household + "/status");
        assertThat(map(status.get("status"))).containsEntry("householdClass", "EXITED")
                .containsEntry("registeredYear", 2014).containsEntry("exitYear", 2019);
        List<Map<String, Object>> history = (List<Map<String, Object>>) status.get("history");
        assertThat(history).extracting(h -> h.get("kind")).containsExactly("EXITED", "REGISTERED");
        assertThat(history.get(0)).containsEntry("procedureId", (int) procedure).containsEntry("effectiveOn",
                "2019-10-25");
        assertThat((String) history.get(0).get("summary")).isEqualTo(
                "未脱贫户（2014年建档） → 脱贫户（2014年建档，2019年脱贫）");
        Map<String, Object> view = api.get("/api/households/" + household);
        assertThat(map(view.get("housing"))).containsEntry("registeredYear", 2014).containsEntry("exitYear", 2019);

        Answer again = procedures.start(household, Map.of("kind", "EXIT"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains("只有未脱贫户可以退出");
    }
}
