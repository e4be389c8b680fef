package cn.shoudi.policy;

import cn.shoudi.ApiClient;
import cn.shoudi.TestAccounts;
import cn.shoudi.TestTownship;
import cn.shoudi.assessment.ActivePolicy;
import cn.shoudi.registry.HouseholdSnapshot;
import cn.shoudi.registry.Registry;
import cn.shoudi.rules.eval.Evaluation;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.table.PolicyCompiler;
import cn.shoudi.rules.table.TableSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Policy staff change the rules at run time: a malformed upload is rejected at its cell and changes nothing; a draft
 * that raises the 2022 monitoring line simulates exactly what direct evaluation gives; maker-checker; publishing
 * swaps the policy under concurrent evaluations; rollback restores outcomes and clears tasks; diff and audit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2022-06-30",
        "shoudi.monitoring.escalation-initial-delay=PT1H", "shoudi.policy.sync-interval=PT1H"})
class PolicyLifecycleIntegrationTest {

    private static final LocalDate AS_OF = LocalDate.of(2022, 6, 30);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ActivePolicy active;
    @Autowired
    Registry registry;
    @Autowired
    PolicyService policies;

    ApiClient api;
    ApiClient officer;
    TestTownship town;
    String shippedLabel;

    @BeforeEach
    void setUp() {
        officer = new ApiClient(port, jdbc);
        api = officer.as(policyUser("zhang.zc"));
        town = new TestTownship(officer);
        shippedLabel = ActivePolicy.label(active.shipped());
    }

    @AfterEach
    void restoreTheShippedPolicy() {
        if (!active.version().equals(shippedLabel)) {
            long first = jdbc.sql("SELECT MIN(id) FROM policy_version WHERE label = ?").param(shippedLabel)
                    .query(Long.class).single();
            jdbc.sql("UPDATE policy_version SET status = 'RETIRED' WHERE status = 'PUBLISHED'").update();
            jdbc.sql("UPDATE policy_version SET status = 'PUBLISHED' WHERE id = ?").param(first).update();
            active.publish(new Evaluator(new PolicyCompiler().compile(shippedLabel, active.shipped())));
        }
        api.awaitOutboxDrained();
    }

    private static byte[] edit(byte[] xlsx, String sheetName, String a1, Object value) throws Exception {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet(sheetName);
            CellReference ref = new CellReference(a1);
            Row row = sheet.getRow(ref.getRow());
            Cell cell = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
            if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private byte[] shipped(String name) {
        return active.shipped().stream().filter(s -> s.fileName().equals(name)).findFirst().orElseThrow().bytes();
    }

    /** The value cell of the 2022 monitoring line (6,600, unconfirmed) in parameters.xlsx. */
    private String monitoringLine2022Cell() {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(shipped("parameters.xlsx")))) {
            Sheet s = wb.getSheet("参数");
            for (Row r : s) {
                Cell from = r.getCell(2);
                if ("monitoring_line".equals(r.getCell(0).getStringCellValue()) && from != null
                        && from.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        && from.getLocalDateTimeCellValue().getYear() == 2022) {
                    return "E" + (r.getRowNum() + 1);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no 2022 monitoring line");
    }

    private Map<String, Object> uploadTable(String name, byte[] bytes, String user) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        form.add("comment", "测试");
        return api.http().post().uri("/api/policy/tables").contentType(MediaType.MULTIPART_FORM_DATA)
                .headers(h -> h.setBasicAuth(policyUser(user), TestAccounts.PASSWORD)).body(form).exchange((req, res) -> {
                    assertThat(res.getStatusCode().value()).isEqualTo(201);
                    return (Map<String, Object>) new tools.jackson.databind.json.JsonMapper()
                            .readValue(res.getBody().readAllBytes(), Map.class);
                });
    }

    private Map<String, Object> post(String path, String user) {
        return api.http().post().uri(path).headers(h -> h.setBasicAuth(policyUser(user), TestAccounts.PASSWORD)).exchange((req, res) -> Map.of(
                "status", res.getStatusCode().value(),
                "body", new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    @Test
    void anApprovedVersionScheduledForADateIsPublishedOnThatDayAndNotBefore() throws Exception {
        Map<String, Object> draft = uploadTable("monitoring.xlsx", edit(shipped("monitoring.xlsx"), "说明", "B4",
                "依据：国开发〔2020〕6号；中农组发〔2021〕7号；渝委农组〔2021〕6号（修订说明）"), "zhang.zc");
        long id = ((Number) draft.get("id")).longValue();
        assertThat(post("/api/policy/versions/" + id + "/approve", "li.sh")).containsEntry("status", 200);
        String before = active.version();
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);

        assertThat(post("/api/policy/versions/" + id + "/schedule?date=" + today.minusDays(1), "li.sh"))
                .containsEntry("status", 400);
        assertThat(post("/api/policy/versions/" + id + "/schedule?date=" + today.plusDays(1), "li.sh"))
                .containsEntry("status", 200);
        policies.sync();
        assertThat(active.version()).isEqualTo(before);
        assertThat(policies.get(id).status()).isEqualTo("APPROVED");

        assertThat(post("/api/policy/versions/" + id + "/schedule?date=" + today, "li.sh")).containsEntry("status", 200);
        policies.sync();
        assertThat(policies.get(id).status()).isEqualTo("PUBLISHED");
        assertThat(active.version()).isNotEqualTo(before).isEqualTo(policies.get(id).label());
        assertThat(api.getList("/api/policy/audit")).anySatisfy(a -> assertThat(a).containsEntry("action", "SCHEDULE")
                .containsEntry("versionId", (int) id));
        await().atMost(Duration.ofMinutes(2)).until(() -> api.getList("/api/assessment-runs").stream()
                .allMatch(r -> "DONE".equals(r.get("status"))));
    }

    @Test
    void aMalformedUploadIsRejectedAtItsCellAndThePublishedPolicyKeepsDeciding() throws Exception {
        String before = active.version();
        Map<String, Object> v = uploadTable("monitoring.xlsx", edit(shipped("monitoring.xlsx"), "监测对象纳入", "D6",
                "CONDITON"), "zhang.zc");
        assertThat(v).containsEntry("status", "REJECTED").containsEntry("statusLabel", "校验未通过");
        List<Map<String, Object>> errors = (List<Map<String, Object>>) ((Map<String, Object>) v.get("validation"))
                .get("errors");
        assertThat(errors).anySatisfy(e -> assertThat(e).containsEntry("file", "monitoring.xlsx")
                .containsEntry("sheet", "监测对象纳入").containsEntry("cell", "D6").containsEntry("code", "UNKNOWN_HEADER"));
        assertThat(active.version()).isEqualTo(before);
        Map<String, Object> bad = post("/api/policy/versions/" + v.get("id") + "/approve", "li.sh");
        assertThat(bad).containsEntry("status", 409);

        Map<String, Object> failing = uploadTable("monitoring.xlsx", edit(shipped("monitoring.xlsx"), "示例", "L2",
                "边缘易致贫户"), "zhang.zc");
        assertThat(failing).containsEntry("status", "REJECTED");
        assertThat((List<String>) ((Map<String, Object>) failing.get("validation")).get("failures"))
                .anySatisfy(f -> assertThat(f).contains("E01").contains("预期「边缘易致贫户」"));
        assertThat(active.version()).isEqualTo(before);
    }

    @Test
    void aDraftRaisingTheLineSimulatesExactlyThenPublishesUnderLoadAndRollsBack() throws Exception {
        // a 脱贫户 at 7,000 per person: above the 2022 line of 6,600, below a draft line of 8,000
        long household = TestTownship.id(officer.post("/api/households", town.household("P" + System.nanoTime(), 14000)));
        api.awaitOutboxDrained();
        assertThat(officer.getList("/api/households/" + household + "/tasks")).isEmpty();

        byte[] params = edit(shipped("parameters.xlsx"), "参数", monitoringLine2022Cell(), 8000);
        Map<String, Object> draft = uploadTable("parameters.xlsx", params, "zhang.zc");
        long id = ((Number) draft.get("id")).longValue();
        assertThat(draft).containsEntry("status", "DRAFT");

        // the simulation equals a direct evaluation of every household under both versions
        Map<String, Object> report = api.http().post().uri("/api/policy/versions/" + id + "/simulate")
                .headers(h -> h.setBasicAuth(policyUser("zhang.zc"), TestAccounts.PASSWORD)).retrieve().body(Map.class);
        List<TableSource> draftSources = new ArrayList<>();
        for (TableSource s : active.shipped()) {
            draftSources.add(s.fileName().equals("parameters.xlsx") ? new TableSource(s.fileName(), params) : s);
        }
        Evaluator draftEvaluator = new Evaluator(new PolicyCompiler().compile("direct", draftSources));
        Evaluator published = active.evaluator();
        int changedMonitoring = 0;
        int affected = 0;
        long after = 0;
        for (List<Long> ids = registry.householdIdsAfter(after, 1000); !ids.isEmpty();
             ids = registry.householdIdsAfter(after, 1000)) {
            for (HouseholdSnapshot s : registry.snapshots(ids)) {
                Evaluation a = published.evaluate(s.input(), AS_OF);
                Evaluation b = draftEvaluator.evaluate(s.input(), AS_OF);
                boolean monitoringChanged = !a.decision("monitoring").outcome().equals(b.decision("monitoring").outcome());
                changedMonitoring += monitoringChanged ? 1 : 0;
                boolean any = a.decisions().keySet().stream().anyMatch(t -> !a.decision(t).outcome()
                        .equals(b.decision(t).outcome()) || !a.decision(t).findings().stream().map(f -> f.code())
                        .toList().equals(b.decision(t).findings().stream().map(f -> f.code()).toList()));
                affected += any ? 1 : 0;
            }
            after = ids.get(ids.size() - 1);
        }
        assertThat(report.get("affected")).isEqualTo(affected);
        Map<String, Integer> transitions = (Map<String, Integer>) report.get("transitions");
        int simulatedMonitoring = transitions.entrySet().stream().filter(e -> e.getKey().startsWith("监测对象纳入："))
                .mapToInt(Map.Entry::getValue).sum();
        assertThat(simulatedMonitoring).isEqualTo(changedMonitoring).isPositive();
        assertThat(transitions).containsKey("监测对象纳入：不纳入 → 脱贫不稳定户");
        assertThat((List<Map<String, Object>>) report.get("affectedHouseholds")).anySatisfy(h -> assertThat(h)
                .containsEntry("householdId", (int) household));

        // the same simulation in the background, with progress, for large registries
        Map<String, Object> started = api.http().post().uri("/api/policy/versions/" + id + "/simulations")
                .headers(h -> h.setBasicAuth(policyUser("zhang.zc"), TestAccounts.PASSWORD)).retrieve().body(Map.class);
        String runId = (String) started.get("id");
        await().atMost(Duration.ofMinutes(2)).until(() -> "DONE".equals(api.get("/api/policy/simulations/" + runId)
                .get("status")));
        Map<String, Object> progress = api.get("/api/policy/simulations/" + runId);
        assertThat(progress.get("done")).isEqualTo(progress.get("total"));
        assertThat(((Map<String, Object>) progress.get("report")).get("affected")).isEqualTo(affected);
        byte[] ledger = api.http().get().uri("/api/policy/versions/" + id + "/simulation.xlsx")
                .headers(h -> h.setBasicAuth(policyUser("zhang.zc"), TestAccounts.PASSWORD)).retrieve().body(byte[].class);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(ledger))) {
            assertThat(wb.getSheet("受影响农户").getLastRowNum()).isEqualTo(affected);
        }

        // maker-checker
        assertThat(post("/api/policy/versions/" + id + "/approve", "zhang.zc")).containsEntry("status", 403);
        assertThat(post("/api/policy/versions/" + id + "/publish", "li.sh")).containsEntry("status", 409);
        assertThat(post("/api/policy/versions/" + id + "/approve", "li.sh")).containsEntry("status", 200);

        // publish while evaluations run on other threads: none fails, each uses one whole version
        String oldLabel = active.version();
        HouseholdSnapshot probe = registry.snapshot(household).orElseThrow();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<String>>> runs = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            runs.add(pool.submit(() -> {
                List<String> seen = new ArrayList<>();
                while (!stop.get()) {
                    Evaluation e = active.evaluator().evaluate(probe.input(), AS_OF);
                    String outcome = e.decision("monitoring").outcome();
                    seen.add(e.policyVersion() + "=" + outcome);
                }
                return seen;
            }));
        }
        Thread.sleep(200);
        Map<String, Object> published1 = post("/api/policy/versions/" + id + "/publish", "li.sh");
        Thread.sleep(200);
        stop.set(true);
        List<String> seen = new ArrayList<>();
        for (Future<List<String>> f : runs) {
            seen.addAll(f.get());
        }
        pool.shutdown();
        assertThat(published1).containsEntry("status", 200);
        String newLabel = active.version();
        assertThat(newLabel).isNotEqualTo(oldLabel);
        assertThat(seen).isNotEmpty().allSatisfy(s -> assertThat(s).isIn(oldLabel + "=不纳入", newLabel + "=脱贫不稳定户"));
        assertThat(seen).contains(oldLabel + "=不纳入", newLabel + "=脱贫不稳定户");

        // the re-evaluation after publishing raises the task
        await().atMost(Duration.ofMinutes(2)).until(() -> api.getList("/api/assessment-runs").stream()
                .allMatch(r -> "DONE".equals(r.get("status"))));
        api.awaitOutboxDrained();
        List<Map<String, Object>> tasks = officer.getList("/api/households/" + household + "/tasks");
        assertThat(tasks).singleElement().satisfies(t -> assertThat(t).containsEntry("status", "OPEN")
                .containsEntry("findingCode", "M-1"));

        // roll back to the shipped version: outcomes restored, the task is kept and marked cleared
        long shippedId = jdbc.sql("SELECT MIN(id) FROM policy_version WHERE label = ?").param(shippedLabel)
                .query(Long.class).single();
        assertThat(post("/api/policy/versions/" + shippedId + "/rollback", "li.sh")).containsEntry("status", 200);
        assertThat(active.version()).isEqualTo(shippedLabel);
        await().atMost(Duration.ofMinutes(2)).until(() -> api.getList("/api/assessment-runs").stream()
                .allMatch(r -> "DONE".equals(r.get("status"))));
        api.awaitOutboxDrained();
        Map<String, Object> latest = officer.getList("/api/households/" + household + "/assessments").get(0);
        assertThat((Map<String, Object>) latest.get("outcomes")).containsEntry("monitoring", "不纳入");
        assertThat(officer.getList("/api/households/" + household + "/tasks")).singleElement().satisfies(t ->
                assertThat((String) t.get("clearedNote")).contains("不再命中"));

        // diff and audit
        List<Map<String, Object>> diff = api.getList("/api/policy/diff?from=" + shippedId + "&to=" + id);
        assertThat(diff).anySatisfy(f -> {
            assertThat(f).containsEntry("file", "parameters.xlsx").containsEntry("kind", "changed");
            assertThat((List<Map<String, Object>>) f.get("cells")).singleElement().satisfies(c -> assertThat(c)
                    .containsEntry("cell", monitoringLine2022Cell()).containsEntry("before", "6600")
                    .containsEntry("after", "8000"));
        });
        assertThat(diff).filteredOn(f -> "monitoring.xlsx".equals(f.get("file")))
                .singleElement().satisfies(f -> assertThat(f).containsEntry("kind", "unchanged"));
        List<Map<String, Object>> audit = api.getList("/api/policy/audit");
        assertThat(audit).extracting(a -> a.get("action")).contains("UPLOAD", "VALIDATE", "SIMULATE", "APPROVE",
                "PUBLISH", "ROLLBACK");
        assertThat(audit).filteredOn(a -> "ROLLBACK".equals(a.get("action"))).first().satisfies(a -> assertThat(a)
                .containsEntry("versionId", (int) shippedId).containsEntry("otherVersionId", (int) id)
                .containsEntry("actor", "li.sh"));
        byte[] downloaded = api.http().get().uri("/api/policy/published/files/monitoring.xlsx").retrieve()
                .body(byte[].class);
        assertThat(downloaded).isEqualTo(shipped("monitoring.xlsx"));
    }

    /** A policy-staff account (政策业务人员) of this name. */
    private String policyUser(String name) {
        return TestAccounts.ensure(jdbc, name, "POLICY", null, null, null);
    }
}
