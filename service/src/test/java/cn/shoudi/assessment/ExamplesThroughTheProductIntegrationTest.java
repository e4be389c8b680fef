package cn.shoudi.assessment;

import cn.shoudi.ApiClient;
import cn.shoudi.OldData;
import cn.shoudi.SiblingDatabase;
import cn.shoudi.TestCleanup;
import cn.shoudi.TestTownship;
import cn.shoudi.rules.cases.ExampleCase;
import cn.shoudi.rules.cases.ExampleResult;
import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.table.DecisionTable;
import cn.shoudi.rules.table.Policy;
import cn.shoudi.rules.table.PolicyCompiler;
import cn.shoudi.rules.table.RuleRow;
import cn.shoudi.rules.table.RuleRowFacts;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Every example household (示例户) of every shipped workbook goes through the product as staff and departments would
 * enter it: registered through {@code POST /api/households} by the township information officer, its department signals
 * sent through {@code POST /api/signals} by each source department, then decided by a trial evaluation
 * ({@code GET /api/households/{id}/evaluation?asOf=…}). The example's table must give the expected outcome and fire
 * exactly the expected rule codes, compared as {@link ExampleResult} compares them. One JUnit result per example.
 *
 * <p>The facts people do not type come the way they come in production ({@link ExampleStatus}): the procedure dates
 * (申请, 评议, 公示, 公告) from an identification procedure taken step by step through
 * {@code POST /api/procedures/{pid}/steps} by the group's cadre and a township leader (then an exit procedure for a
 * 脱贫户), the 监测类型 and 纳入监测日期 from a 纳入监测 procedure completed on that date (or an administrator's correction
 * where the registry would refuse that decision for the household or monitoring had not begun), the 已落实帮扶措施数 and
 * the visit findings from a household visit ({@code POST /api/households/{id}/visits}). All are dated in the past.
 *
 * <p>Examples the registry refuses are listed in {@link #REFUSED_BY_THE_REGISTRY} with the refused fields; any other
 * refusal fails its example with the problem details. Examples whose facts no product path gives are listed in
 * {@link #NOT_THROUGH_THE_PRODUCT} with the reason. Both are then written as older data ({@link OldData}: a township
 * bulk load or a migration from before the registry checked or recorded it) and must give their expected outcome the
 * same way, so that the data-quality rows that catch such data are proved to fire in the product. The last result
 * checks that both lists are exact, that every example reproduces by one of the two paths, and that every rule row of
 * the shipped tables is fired by some example.
 *
 * <p>An example whose members' ID numbers are also in another household (与其他户重复身份证号人数, DQ-ID3) is not
 * refused: it is registered through the API like the others, and then the other household holding those numbers is
 * put straight into the database as older data (the API refuses it, by design). The evaluation then reads the count
 * from the registry's own cross-household comparison, so DQ-ID3 is proved reachable through the product. Each household
 * is removed after its example (examples reuse the same people's ID numbers, and a signal is matched to the first
 * household holding the number). A database of its own keeps other tests' households and policy uploads out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.monitoring.escalation-initial-delay=PT1H"})
class ExamplesThroughTheProductIntegrationTest {

    /**
     * Examples the registry refuses, by "table example id", with the refused fields and codes (sorted, comma-separated):
     * the registry's own validation refuses what these data-quality examples record, so that their rows (DQ-ID1a,
     * DQ-ID1b, DQ-REL1, DQ-REL2, DQ-CAUSE1, DQ-HOUSE1) can only fire for data that entered before the checks.
     */
    static final Map<String, String> REFUSED_BY_THE_REGISTRY = Map.ofEntries(
            // DQ-ID1a: an invalid ID number (check digit, sex digit, birth date) is refused as INVALID_ID_NUMBER
            entry("data-quality DQ03", "members[0].idNumber INVALID_ID_NUMBER"),
            entry("data-quality DQ04", "members[1].idNumber INVALID_ID_NUMBER"),
            entry("data-quality DQ05", "members[1].idNumber INVALID_ID_NUMBER"),
            entry("data-quality DQ45", "members[0].idNumber INVALID_ID_NUMBER"),
            entry("data-quality DQ47", "members[0].idNumber INVALID_ID_NUMBER, members[1].idNumber INVALID_ID_NUMBER"),
            // DQ-ID1b: the same ID number twice in one household
            entry("data-quality DQ06", "members[4].idNumber DUPLICATE"),
            entry("data-quality DQ48", "members[4].idNumber DUPLICATE, members[5].idNumber DUPLICATE"),
            // DQ-REL1, DQ-REL2: a household must have exactly one head (户主)
            entry("data-quality DQ10", "members ONE_HEAD"),
            entry("data-quality DQ11", "members ONE_HEAD"),
            entry("data-quality DQ46", "members ONE_HEAD"),
            // DQ-CAUSE1, DQ-HOUSE1: a value outside the catalogue's choices (a missing value still passes, DQ14, DQ35)
            entry("data-quality DQ15", "housing.mainCause INVALID"),
            entry("data-quality DQ36", "housing.houseGrade INVALID"));

    /**
     * Examples whose facts no product path gives, by "table example id", with the reason {@link ExampleStatus} gives:
     * each step of the identification procedure records its date and every monitoring decision or correction records
     * its date, so a record missing one of them can only be older data (migrated from before the registry kept it).
     */
    static final Map<String, String> NOT_THROUGH_THE_PRODUCT = Map.ofEntries(
            // DQ-3U: a missing 申请日期 is not a date-order error
            entry("data-quality DQ43",
                    "identification dates without appliedOn (each step of the procedure records its date)"),
            // RC-OK never for a monitored household without 纳入监测日期
            entry("risk-cleared R21",
                    "monitoringCategory without monitoringSince (every decision and correction records the date)"));

    /** How an example household entered the registry. */
    enum Path {
        API("API"), OLD_DATA("旧数据");

        final String label;

        Path(String label) {
            this.label = label;
        }
    }

    /** An example that gave its expected outcome, the path it took and the rule codes its table fired. */
    record Reproduced(ExampleCase example, Path path, Set<String> codes) {
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ActivePolicy policy;

    private final String run = Long.toString(System.nanoTime() % 2_000_000_000L, 36);
    private final Map<String, String> refused = new TreeMap<>();
    private final Map<String, String> unreachable = new TreeMap<>();
    private final Map<String, Reproduced> reproduced = new TreeMap<>();
    private final Map<String, ApiClient> departments = new HashMap<>();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
        SiblingDatabase.register(registry, "examples");
    }

    @TestFactory
    Stream<DynamicNode> everyExampleOfEveryShippedWorkbookGivesItsExpectedOutcomeThroughTheProduct() {
        ApiClient api = new ApiClient(port, jdbc);
        TestTownship town = new TestTownship(api);
        Staff staff = new Staff(api, api.asCadre(town.groupCadreId), api.asRole("LEADER", "examples-leader"),
                api.asRole("ADMIN", "examples-admin"));
        String version = ActivePolicy.label(policy.shipped());
        Policy compiled = new PolicyCompiler().compile(version, policy.shipped());
        List<DecisionTable> tables = compiled.tables();
        List<ExampleCase> examples = tables.stream().flatMap(t -> t.examples().stream()).toList();
        assertThat(examples).as("examples of the shipped workbooks").isNotEmpty();
        System.out.println("examples through the product: " + examples.size() + " "
                + examples.stream().collect(Collectors.groupingBy(ExampleCase::tableId, TreeMap::new,
                Collectors.counting())));
        long started = System.nanoTime();
        int[] serial = {0};
        Stream<DynamicNode> each = examples.stream().map(ex -> DynamicTest.dynamicTest(name(ex),
                () -> runThroughTheProduct(staff, town, version, compiled, ex, ++serial[0])));
        DynamicTest summary = DynamicTest.dynamicTest(
                "the registry refuses exactly the listed examples, the listed ones are not reachable through the product "
                        + "and every rule row fires for an example", () -> {
                    System.out.printf("examples through the product took %d ms%n",
                            (System.nanoTime() - started) / 1_000_000);
                    summarise(tables, examples);
                });
        return Stream.concat(each, Stream.of(summary));
    }

    /**
     * Prints the examples per table and path and the rule codes reached only through older data; asserts the refused
     * list is exact, every example reproduced, and the rule codes fired equal every rule code of the shipped tables.
     */
    private void summarise(List<DecisionTable> tables, List<ExampleCase> examples) {
        System.out.println("examples reproduced per table and path: " + reproduced.values().stream()
                .collect(Collectors.groupingBy(r -> r.example().tableId(), TreeMap::new,
                        Collectors.groupingBy(r -> r.path().label, TreeMap::new, Collectors.counting()))));
        Set<String> throughApi = codes(Path.API);
        Set<String> onlyOldData = new TreeSet<>(codes(Path.OLD_DATA));
        onlyOldData.removeAll(throughApi);
        System.out.println("rule codes reached only through older data: " + onlyOldData);
        Set<String> every = tables.stream().flatMap(t -> t.rules().stream()).map(RuleRow::code)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> reached = new TreeSet<>(throughApi);
        reached.addAll(codes(Path.OLD_DATA));
        Set<String> unreached = new TreeSet<>(every);
        unreached.removeAll(reached);
        System.out.println("rule codes no example reaches, of " + every.size() + ": " + unreached);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(refused).as("refused by the registry").isEqualTo(new TreeMap<>(REFUSED_BY_THE_REGISTRY));
            softly.assertThat(unreachable).as("not reachable through the product")
                    .isEqualTo(new TreeMap<>(NOT_THROUGH_THE_PRODUCT));
            softly.assertThat(reproduced.keySet()).as("examples that reproduce through the API or as older data")
                    .containsExactlyInAnyOrderElementsOf(examples.stream().map(
                            ExamplesThroughTheProductIntegrationTest::name).toList());
            softly.assertThat(reached).as("rule codes fired by some example (none unreachable)").isEqualTo(every);
        });
    }

    private Set<String> codes(Path path) {
        return reproduced.values().stream().filter(r -> r.path() == path).flatMap(r -> r.codes().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The clients the examples act through: the township information officer, the group's cadre (village steps and
     * visits), a township leader (township steps) and an administrator (corrections).
     */
    private record Staff(ApiClient officer, ApiClient village, ApiClient township, ApiClient administrator) {
    }

    private void runThroughTheProduct(Staff staff, TestTownship town, String version, Policy compiled, ExampleCase ex,
                                      int serial) {
        String name = name(ex);
        String householdNo = "EX" + run + "-" + ex.tableId() + "-" + ex.id();
        Set<String> tableReads = RuleRowFacts.of(compiled, ex.asOf(), FactCatalogue.STANDARD).stream()
                .filter(r -> r.tableId().equals(ex.tableId())).flatMap(r -> r.recordedInputs().stream())
                .collect(Collectors.toSet());
        ExampleRequests requests = new ExampleRequests(ex, householdNo, householdNo, serial, compiled.parameters(),
                tableReads);
        ExampleStatus status = requests.status();
        Optional<String> notReachable = status.unreachable();
        Path path;
        long household;
        if (notReachable.isPresent()) {
            unreachable.put(name, notReachable.get());
            assertThat(notReachable.get()).as("%s (%s) not reachable through the product", name, ex.description())
                    .isEqualTo(NOT_THROUGH_THE_PRODUCT.get(name));
            path = Path.OLD_DATA;
            household = OldData.household(jdbc, town, householdNo, requests.input());
        } else {
            ResponseEntity<Map> created = exchange(staff.officer().http().post().uri("/api/households"),
                    requests.household(town.villageId, town.groupId, town.helperId));
            if (created.getStatusCode().value() == 400) {
                String fields = refusedFields(created.getBody());
                refused.put(name, fields);
                assertThat(fields).as("%s (%s) refused by the registry: %s", name, ex.description(), created.getBody())
                        .isEqualTo(REFUSED_BY_THE_REGISTRY.get(name));
                path = Path.OLD_DATA;
                household = OldData.household(jdbc, town, householdNo, requests.input());
            } else {
                assertThat(created.getStatusCode().value()).as("%s registered: %s", name, created.getBody())
                        .isEqualTo(201);
                path = Path.API;
                household = ((Number) created.getBody().get("id")).longValue();
            }
        }
        Long oldHousehold = null;
        try {
            if (path == Path.API) {
                giveStatus(staff, town, ex, status, household);
            }
            List<String> shared = requests.sharedIdNumbers();
            if (!shared.isEmpty()) {
                oldHousehold = OldData.household(jdbc, town, householdNo + "-OLD", shared);
            }
            for (Map<String, Object> signal : requests.signals()) {
                ApiClient department = departments.computeIfAbsent((String) signal.get("source"),
                        staff.officer()::asDepartment);
                ResponseEntity<Map> sent = exchange(department.http().post().uri("/api/signals"), signal);
                assertThat(sent.getStatusCode().value()).as("%s (%s) signal %s: %s", name, path.label, signal,
                        sent.getBody()).isEqualTo(201);
                assertThat(sent.getBody()).as("%s (%s) signal %s matched to its household", name, path.label, signal)
                        .containsEntry("status", "MATCHED").containsEntry("householdId", (int) household);
            }
            ResponseEntity<Map> answer = exchange(staff.officer().http().get()
                    .uri("/api/households/" + household + "/evaluation?asOf=" + ex.asOf()), null);
            assertThat(answer.getStatusCode().value()).as("%s (%s) evaluated: %s", name, path.label, answer.getBody())
                    .isEqualTo(200);
            assertThat(answer.getBody()).as("%s evaluated under the shipped policy", name)
                    .containsEntry("policyVersion", version);
            ExampleResult result = result(ex, answer.getBody());
            assertThat(result.passed()).as("%s (%s)", result.describe(), path.label).isTrue();
            reproduced.put(name, new Reproduced(ex, path, result.actualCodes()));
            String journey = path == Path.API ? status.journey(town.groupCadreId) : "";
            System.out.println(name + " " + path.label + (journey.isEmpty() ? "" : " (" + journey + ")") + ": "
                    + result.describe());
            if (path == Path.API) {
                status.notes().forEach(note -> System.out.println(name + " note: " + note));
                expectedNotRefused(name);
            }
        } finally {
            remove(household);
            if (oldHousehold != null) {
                remove(oldHousehold);
            }
        }
    }

    /**
     * Runs the example's procedures step by step (village steps as the group's cadre, township steps as a leader), the
     * administrator's correction where no procedure applies, and its visit; each must be accepted, and the household
     * then has the example's class and 监测类型.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private void giveStatus(Staff staff, TestTownship town, ExampleCase ex, ExampleStatus status, long household) {
        String name = name(ex);
        for (ExampleStatus.Run run : status.procedures()) {
            ResponseEntity<Map> started = exchange(staff.village().http().post()
                    .uri("/api/households/" + household + "/procedures"), run.start());
            assertThat(started.getStatusCode().value()).as("%s %s started: %s", name, run.kind(), started.getBody())
                    .isEqualTo(201);
            long procedure = ((Number) started.getBody().get("id")).longValue();
            Map last = started.getBody();
            for (ExampleStatus.Step step : run.steps()) {
                ApiClient actor = step.township() ? staff.township() : staff.village();
                ResponseEntity<Map> taken = exchange(actor.http().post().uri("/api/procedures/" + procedure + "/steps"),
                        step.body());
                assertThat(taken.getStatusCode().value()).as("%s %s step %s: %s", name, run.kind(), step.body(),
                        taken.getBody()).isEqualTo(200);
                last = taken.getBody();
            }
            assertThat(last).as("%s %s completed", name, run.kind()).containsEntry("status", "COMPLETED");
        }
        status.correction().ifPresent(correction -> {
            ResponseEntity<Map> corrected = exchange(staff.administrator().http().post()
                    .uri("/api/households/" + household + "/status/corrections"), correction);
            assertThat(corrected.getStatusCode().value()).as("%s corrected %s: %s", name, correction,
                    corrected.getBody()).isEqualTo(200);
        });
        Map<String, Object> now = (Map<String, Object>) exchange(staff.officer().http().get()
                .uri("/api/households/" + household + "/status"), null).getBody().get("status");
        assertThat(now).as("%s status after its procedures", name)
                .containsEntry("householdClass", ex.input().householdClass().name());
        assertThat(now.get("category")).as("%s 监测类型 after its procedures", name)
                .isEqualTo(ex.input().details().values().get(ExampleStatus.CATEGORY));
        status.visit(town.groupCadreId).ifPresent(visit -> {
            ResponseEntity<Map> visited = exchange(staff.village().http().post()
                    .uri("/api/households/" + household + "/visits"), visit);
            assertThat(visited.getStatusCode().value()).as("%s visit %s: %s", name, visit, visited.getBody())
                    .isEqualTo(201);
        });
    }

    private static String name(ExampleCase ex) {
        return ex.tableId() + " " + ex.id();
    }

    /** The example's own table decision as the product gave it, with the fired rule codes of that table. */
    @SuppressWarnings("unchecked")
    private static ExampleResult result(ExampleCase ex, Map<String, Object> evaluation) {
        Map<String, Object> decisions = (Map<String, Object>) evaluation.get("decisions");
        Map<String, Object> decision = (Map<String, Object>) decisions.get(ex.tableId());
        if (decision == null) {
            return new ExampleResult(ex, null, Set.of(), "table " + ex.tableId() + " not evaluated as of " + ex.asOf()
                    + "; decisions: " + decisions.keySet());
        }
        Set<String> codes = ((List<Map<String, Object>>) decision.get("findings")).stream()
                .map(f -> (String) f.get("code")).collect(Collectors.toSet());
        return new ExampleResult(ex, (String) decision.get("outcome"), codes, null);
    }

    private static void expectedNotRefused(String name) {
        if (REFUSED_BY_THE_REGISTRY.containsKey(name)) {
            fail(name + " is listed as refused by the registry but was accepted and passed: remove it from the list");
        }
    }

    /** The refused fields with their codes, e.g. "members[0].idNumber INVALID_ID_NUMBER", sorted. */
    @SuppressWarnings("unchecked")
    private static String refusedFields(Map<String, Object> problem) {
        Object errors = problem == null ? null : problem.get("errors");
        if (!(errors instanceof List<?> list)) {
            return String.valueOf(problem);
        }
        return list.stream().map(e -> e instanceof Map<?, ?> m ? m.get("field") + " " + m.get("code")
                : String.valueOf(e)).sorted().collect(Collectors.joining(", "));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static ResponseEntity<Map> exchange(RestClient.RequestHeadersSpec<?> request, Object body) {
        if (body != null && request instanceof RestClient.RequestBodySpec withBody) {
            withBody.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().onStatus(HttpStatusCode::isError, (rq, rs) -> { }).toEntity(Map.class);
    }

    /** Removes the household once its own evaluation is done, so that the next example may reuse its ID numbers. */
    private void remove(long household) {
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE completion_date IS NULL")
                        .query(Long.class).single() == 0L);
        TestCleanup.deleteHouseholds(jdbc, "id = ?", household);
    }

    @AfterEach
    void cleanUp() {
        new ApiClient(port, jdbc).awaitOutboxDrained();
        TestCleanup.deleteHouseholds(jdbc, "household_no LIKE ?", "EX" + run + "-%");
        jdbc.sql("DELETE FROM intake_signal WHERE event_id LIKE ?").param("EX" + run + "-%").update();
    }
}
