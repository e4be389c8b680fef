package cn.shoudi.registry;

import cn.shoudi.ApiClient;
import cn.shoudi.SiblingDatabase;
import cn.shoudi.TestCleanup;
import cn.shoudi.TestIds;
import cn.shoudi.TestTownship;
import cn.shoudi.assessment.AssessmentService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import cn.shoudi.OldData;
import java.lang.reflect.Method;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person, one household for data that entered before the registry checked it (older data, township bulk loads):
 * a member's ID number held by two active households is the blocking finding DQ-ID3 on both, a 数据更正 task for the
 * village's information officer on each, and both close when one household lets the person go through the API. The
 * registry reads the count for a whole page with one query.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.monitoring.escalation-initial-delay=PT1H"})
class SharedIdNumbersIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    AssessmentService assessments;

    ApiClient api;
    TestTownship town;
    private final String run = "SH" + Long.toString(System.nanoTime() % 2_000_000_000L, 36);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
        SiblingDatabase.register(registry, "shared_ids");
    }

    @BeforeEach
    void setUp() {
        api = new ApiClient(port, jdbc);
        town = new TestTownship(api);
    }

    @AfterEach
    void cleanUp() {
        api.awaitOutboxDrained();
        TestCleanup.deleteHouseholds(jdbc, "household_no LIKE ?", run + "%");
    }

    @Test
    void anIdNumberInTwoActiveHouseholdsBlocksBothUntilOneOfThemLetsThePersonGo() {
        long officer = TestTownship.id(api.post("/api/cadres", Map.of("name", "扶贫信息员", "role", "INFO_OFFICER",
                "villageId", town.villageId)));
        Map<String, Object> body = town.household(run + "-A", 30000);
        long married = TestTownship.id(api.post("/api/households", body));
        String wife = (String) ((List<Map<String, Object>>) body.get("members")).get(1).get("idNumber");
        api.awaitOutboxDrained();
        // her parents' household, loaded before the check: she is still listed there as a daughter
        long parents = OldData.household(jdbc, town, run + "-B", List.of(TestIds.fresh("1940", true), wife));

        assessments.assess(married);
        assessments.assess(parents);
        api.awaitOutboxDrained();

        for (long household : List.of(married, parents)) {
            assertThat(latestCodes(household)).as("household %d", household).contains("DQ-ID3");
            assertThat(task(household, "DQ-ID3")).as("household %d", household)
                    .containsEntry("taskType", "数据更正").containsEntry("assigneeLevel", "扶贫信息员")
                    .containsEntry("assigneeCadreId", (int) officer).containsEntry("status", "OPEN");
        }
        assertThat(latestFinding(married, "DQ-ID3").get("reason").toString()).contains("在错误的户办理迁出/婚出或合户");

        // the officer finds she actually lives with her parents: the husband's household records her moving away
        Map<String, Object> moved = api.post("/api/households/" + married + "/member-events", Map.of("type", "迁出",
                "date", "2021-11-01", "memberId", wife, "note", "实际与父母共同生活"));
        assertThat(moved).containsKey("id");
        api.awaitOutboxDrained();

        // the change re-evaluates the household that changed and, through the registry, the other one as well
        for (long household : List.of(married, parents)) {
            assertThat(latestCodes(household)).as("household %d", household).doesNotContain("DQ-ID3");
            assertThat(task(household, "DQ-ID3")).as("household %d", household).containsEntry("status", "CLOSED");
        }
    }

    @Test
    void aPageOfHouseholdsIsReadWithTheSameNumberOfQueriesWhateverItsSize() {
        String shared = TestIds.fresh("1970", false);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<String> people = new ArrayList<>(List.of(TestIds.fresh("1950", true)));
            if (i < 3) {
                people.add(shared); // three households list the same woman
            }
            ids.add(OldData.household(jdbc, town, run + "-P" + i, people));
        }
        long merged = OldData.household(jdbc, town, run + "-M", List.of(TestIds.fresh("1951", true), shared));
        jdbc.sql("UPDATE registry_household SET status = 'MERGED', merged_into = ? WHERE id = ?")
                .params(ids.get(0), merged).update();
        ids.add(OldData.household(jdbc, town, run + "-N", List.of(TestIds.fresh("1952", true))));
        jdbc.sql("INSERT INTO registry_member (household_id, position, name, id_number, sex, birth_date, relation) "
                + "VALUES (?, 1, '未落户', NULL, '女', '2021-01-01', '之女')").params(ids.get(4)).update();
        jdbc.sql("INSERT INTO registry_member (household_id, position, name, id_number, sex, birth_date, relation) "
                + "VALUES (?, 1, '未落户', NULL, '男', '2021-02-01', '之子')").params(ids.get(5)).update();

        AtomicInteger statements = new AtomicInteger();
        RulesInputs counted = new RulesInputs(JdbcClient.create(counting(dataSource, statements)));
        counted.load(ids.subList(0, 1));
        int one = statements.getAndSet(0);
        List<HouseholdSnapshot> page = counted.load(ids);
        int many = statements.get();

        assertThat(many).as("statements for %d households", ids.size()).isEqualTo(one).isEqualTo(5);
        Map<Long, Integer> counts = page.stream().collect(Collectors.toMap(HouseholdSnapshot::householdId,
                s -> s.input().details().values().containsKey(RulesInputs.SHARED_ID_NUMBERS)
                        ? (Integer) s.input().details().values().get(RulesInputs.SHARED_ID_NUMBERS) : 0));
        assertThat(counts).hasSize(ids.size());
        assertThat(ids.subList(0, 3)).allSatisfy(id -> assertThat(counts.get(id)).as("household %d", id).isEqualTo(1));
        assertThat(ids.subList(3, ids.size())).as("no ID number shared; a merged household and blank numbers never "
                + "count").allSatisfy(id -> assertThat(counts.get(id)).as("household %d", id).isZero());
    }

    /** Latest assessment's finding codes. */
    private List<String> latestCodes(long household) {
        return findings(household).stream().map(f -> (String) f.get("code")).toList();
    }

    private Map<String, Object> latestFinding(long household, String code) {
        return findings(household).stream().filter(f -> code.equals(f.get("code"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> findings(long household) {
        return (List<Map<String, Object>>) api.getList("/api/households/" + household + "/assessments").get(0)
                .get("findings");
    }

    private Map<String, Object> task(long household, String code) {
        return api.getList("/api/households/" + household + "/tasks").stream()
                .filter(t -> code.equals(t.get("taskCode"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " task for household " + household));
    }

    /** The data source, counting every statement prepared or created on its connections. */
    private static DataSource counting(DataSource target, AtomicInteger statements) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Connection c) {
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                                (p, m, a) -> {
                                    if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
                                        statements.incrementAndGet();
                                    }
                                    return invoke(c, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
