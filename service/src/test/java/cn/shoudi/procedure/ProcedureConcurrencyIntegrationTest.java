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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several people acting on one procedure at the same moment: exactly one of them succeeds, the others are told the
 * procedure moved on (409), never an internal error, and the record holds the step once. Concurrency is what MariaDB
 * must prove; H2 runs it too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.monitoring.escalation-initial-delay=PT1H"})
class ProcedureConcurrencyIntegrationTest {

    private static final int PEOPLE = 6;

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

    private long household() {
        Map<String, Object> body = town.household("C" + System.nanoTime(), 30000);
        body.put("householdClass", "一般农户");
        return TestTownship.id(api.post("/api/households", body));
    }

    /** Runs the call {@link #PEOPLE} times at once; returns the answers. */
    private static List<Answer> atOnce(Callable<Answer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PEOPLE);
        CountDownLatch ready = new CountDownLatch(PEOPLE);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < PEOPLE; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void peopleTakingTheSameStepAtOnceGetOneSuccessAndConflictsNeverAnError() throws Exception {
        for (String[] step : new String[][] {{"VERIFICATION", "PASSED"}, {"VILLAGE_REVIEW", "PASSED"},
                {"VILLAGE_NOTICE", "POSTED"}}) {
            long procedure = procedures.started(household(), Map.of("kind", "MONITORING_ENTRY",
                    "category", "边缘易致贫户", "startedOn", "2021-11-01"));
            if (!step[0].equals("VERIFICATION")) {
                procedures.pass(procedure, "VERIFICATION", "2021-11-02");
            }
            if (step[0].equals("VILLAGE_NOTICE")) {
                procedures.pass(procedure, "VILLAGE_REVIEW", "2021-11-03");
            }

            List<Answer> answers = atOnce(() -> procedures.take(procedure, step[0], step[1], "2021-11-04", null));

            assertThat(answers).as(step[0]).extracting(Answer::status).containsOnly(200, 409)
                    .filteredOn(s -> s == 200).hasSize(1);
            assertThat(answers).filteredOn(a -> a.status() == 409)
                    .allSatisfy(a -> assertThat(a.detail()).containsAnyOf("当前步骤为", "被他人办理", "已于"));
            List<Map<String, Object>> record = (List<Map<String, Object>>) procedures.get(procedure).get("record");
            assertThat(record).filteredOn(r -> step[0].equals(r.get("step")) && step[1].equals(r.get("outcome")))
                    .hasSize(1);
        }
    }

    @Test
    void peopleStartingTheSameProcedureAtOnceStartItOnce() throws Exception {
        long household = household();

        List<Answer> answers = atOnce(() -> procedures.start(household, Map.of("kind", "MONITORING_ENTRY",
                "category", "边缘易致贫户", "startedOn", "2021-11-01")));

        assertThat(answers).extracting(Answer::status).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 409)
                .allSatisfy(a -> assertThat(a.detail()).contains("已有办理中的「纳入监测」程序"));
        assertThat(api.getList("/api/households/" + household + "/procedures")).hasSize(1);
    }
}
