package cn.shoudi.registry;

import cn.shoudi.ApiClient;
import cn.shoudi.ProcedureClient;
import cn.shoudi.ProcedureClient.Answer;
import cn.shoudi.TestTownship;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.shoudi.ProcedureClient.call;
import static cn.shoudi.ProcedureClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A household's status (户类型, 建档立卡/脱贫年份, 监测状态) changes only through a completed procedure or an audited
 * correction: every other path — an edit, a fact, an import, a resolved task, a procedure withdrawn or rejected — is
 * refused or leaves the status and its history exactly as they were; a correction needs the administrator and a reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.monitoring.escalation-initial-delay=PT1H"})
class StatusChangesOnlyByDecisionIntegrationTest {

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

    /** A 脱贫户 (registered 2016, exited 2018) with the given income. */
    private long exitedHousehold(String no, int netIncome) {
        Map<String, Object> body = town.household(no, netIncome);
        body.put("housing", Map.of("mainCause", "因病", "registeredYear", 2016, "exitYear", 2018));
        long id = TestTownship.id(api.post("/api/households", body));
        api.awaitOutboxDrained();
        return id;
    }

    /** The status, the household's version and the number of status changes recorded for it. */
    private record Snapshot(Object status, Object version, long changes) {
    }

    private Snapshot snapshot(long household) {
        return new Snapshot(api.get("/api/households/" + household + "/status").get("status"),
                api.get("/api/households/" + household).get("version"),
                jdbc.sql("SELECT COUNT(*) FROM registry_status_change WHERE household_id = ?").param(household)
                        .query(Long.class).single());
    }

    private static List<Map<String, Object>> errors(Answer a) {
        return (List<Map<String, Object>>) a.body().get("errors");
    }

    @Test
    void anEditOfTheClassOrOfAYearIsRefusedAsDecidedByProcedure() {
        String no = "S" + System.nanoTime();
        long household = exitedHousehold(no, 30000);
        Snapshot before = snapshot(household);
        assertThat(before.changes()).isEqualTo(1);

        Map<String, Object> otherClass = town.household(no, 30000);
        otherClass.put("householdClass", "一般农户");
        otherClass.put("housing", Map.of("mainCause", "因病"));
        Answer a = call(api, HttpMethod.PUT, "/api/households/" + household, otherClass);
        Map<String, Object> otherYear = town.household(no, 30000);
        otherYear.put("housing", Map.of("mainCause", "因病", "registeredYear", 2015, "exitYear", 2018));
        Answer b = call(api, HttpMethod.PUT, "/api/households/" + household, otherYear);

        assertThat(a.status()).isEqualTo(400);
        assertThat(errors(a)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "householdClass")
                .containsEntry("code", "DECIDED_BY_PROCEDURE"));
        assertThat(b.status()).isEqualTo(400);
        assertThat(errors(b)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("field", "housing.registeredYear").containsEntry("code", "DECIDED_BY_PROCEDURE"));
        assertThat(snapshot(household)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitoringCategory", "monitoringSince", "measuresImplemented", "announcedOn"})
    void aStatusOrProcedureFactCannotBeRecordedByHand(String key) {
        long household = exitedHousehold("F" + System.nanoTime(), 30000);
        Snapshot before = snapshot(household);
        Map<String, Object> values = Map.of("monitoringCategory", "脱贫不稳定户", "monitoringSince", "2021-03-01",
                "measuresImplemented", 3, "announcedOn", "2016-11-10");

        Answer a = call(api, HttpMethod.PATCH, "/api/households/" + household + "/facts",
                Map.of("values", Map.of(key, values.get(key))));

        assertThat(a.status()).isEqualTo(400);
        assertThat(errors(a)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "values." + key)
                .containsEntry("code", "NOT_RECORDED_HERE"));
        assertThat(snapshot(household)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALL_OR_NOTHING", "VALID_ONLY"})
    void anImportRowChangingTheClassOfAnExistingHouseholdIsARowErrorAndWritesNothing(String mode) throws Exception {
        String no = "P" + System.nanoTime();
        long household = exitedHousehold(no, 30000);
        Snapshot before = snapshot(household);
        byte[] export = api.http().get().uri("/api/imports/households/export.xlsx?villageId=" + town.villageId)
                .retrieve().body(byte[].class);

        Map<String, Object> report = upload(withClass(export, no, "一般农户"), mode);

        assertThat(report).containsEntry("rejected", 1).containsEntry("updated", 0).containsEntry("created", 0);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) report.get("errors");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("header", "户类型");
            assertThat((String) e.get("message")).contains("只能通过识别");
        });
        assertThat(snapshot(household)).isEqualTo(before);
    }

    /** The export with the household's 户类型 cells set to {@code householdClass}. */
    private static byte[] withClass(byte[] xlsx, String householdNo, String householdClass) throws Exception {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            Row header = sheet.getRow(0);
            int noColumn = -1;
            int classColumn = -1;
            for (Cell c : header) {
                noColumn = "户编号".equals(text.formatCellValue(c)) ? c.getColumnIndex() : noColumn;
                classColumn = "户类型".equals(text.formatCellValue(c)) ? c.getColumnIndex() : classColumn;
            }
            int changed = 0;
            for (Row r : sheet) {
                if (r.getRowNum() > 0 && householdNo.equals(text.formatCellValue(r.getCell(noColumn)))) {
                    // the export writes inline strings, which POI does not overwrite in place: a new cell
                    r.removeCell(r.getCell(classColumn));
                    r.createCell(classColumn).setCellValue(householdClass);
                    changed++;
                }
            }
            assertThat(changed).isPositive();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private Map<String, Object> upload(byte[] bytes, String mode) {
        Map<String, Object> report = api.upload("/api/imports/households", "户籍.xlsx", bytes, "mode", mode);
        api.awaitOutboxDrained();
        return report;
    }

    @Test
    void aTaskResolvedAsMonitoringEntryStartsAProcedureButChangesNoStatusUntilItsLastStep() {
        long household = exitedHousehold("T" + System.nanoTime(), 11000);
        Snapshot before = snapshot(household);
        long task = TestTownship.id(api.getList("/api/households/" + household + "/tasks").stream()
                .filter(t -> "MON-VERIFY".equals(t.get("taskCode"))).findFirst().orElseThrow());
        Map<String, Object> visit = new HashMap<>(Map.of("cadreId", town.helperId, "visitDate", "2021-12-20",
                "findings", "户主住院", "measures", List.of()));
        ok(call(procedures.village(), HttpMethod.POST, "/api/tasks/" + task + "/visits", visit));
        ok(call(procedures.village(), HttpMethod.POST, "/api/tasks/" + task + "/resolve", Map.of("cadreId",
                town.helperId, "outcome", "纳入监测")));
        api.awaitOutboxDrained();

        assertThat(api.getList("/api/households/" + household + "/procedures")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("status", "IN_PROGRESS"));
        Snapshot after = snapshot(household);
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.changes()).isEqualTo(before.changes());
    }

    @Test
    void aProcedureWithdrawnOrRejectedChangesNothing() {
        long household = exitedHousehold("W" + System.nanoTime(), 30000);
        Snapshot before = snapshot(household);
        long withdrawn = procedures.started(household, Map.of("kind", "MONITORING_ENTRY", "category", "脱贫不稳定户",
                "startedOn", "2021-11-01"));
        procedures.steps(withdrawn, List.of("VERIFICATION 2021-11-02", "VILLAGE_REVIEW 2021-11-03"));
        Answer byCadre = call(procedures.village(), HttpMethod.POST, "/api/procedures/" + withdrawn + "/withdraw",
                Map.of("reason", "农户撤回申请"));
        assertThat(byCadre.status()).isEqualTo(403);
        Answer noReason = call(procedures.leader(), HttpMethod.POST, "/api/procedures/" + withdrawn + "/withdraw",
                Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(ok(call(procedures.leader(), HttpMethod.POST, "/api/procedures/" + withdrawn + "/withdraw",
                Map.of("reason", "农户撤回申请")))).containsEntry("status", "WITHDRAWN");

        long rejected = procedures.started(household, Map.of("kind", "MONITORING_ENTRY", "category", "脱贫不稳定户",
                "startedOn", "2021-11-05"));
        procedures.steps(rejected, List.of("VERIFICATION 2021-11-06", "VILLAGE_REVIEW 2021-11-07",
                "VILLAGE_NOTICE 2021-11-08 2021-11-13"));
        Answer withoutReason = procedures.take(rejected, "TOWNSHIP_REVIEW", "REJECTED", "2021-11-15",
                null);
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(String.valueOf(withoutReason.body())).contains("“不通过”须在办理情况中写明理由");
        assertThat(ok(procedures.take(rejected, "TOWNSHIP_REVIEW", "REJECTED", "2021-11-15", null,
                "乡镇审核：收入核实后高于监测线")))
                .containsEntry("status", "REJECTED");
        api.awaitOutboxDrained();

        Snapshot after = snapshot(household);
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.changes()).isEqualTo(before.changes());
        Answer takeAfterRejection = procedures.take(rejected, "COUNTY_APPROVAL", "PASSED", "2021-11-16", null);
        assertThat(takeAfterRejection.status()).isEqualTo(409);
        assertThat(takeAfterRejection.detail()).contains("未通过");
    }

    @Test
    void aCorrectionNeedsTheAdministratorAndAReasonAndIsKeptInTheHistoryWithBoth() {
        long household = exitedHousehold("K" + System.nanoTime(), 30000);
        Snapshot before = snapshot(household);
        Map<String, Object> correction = new HashMap<>(Map.of("householdClass", "脱贫户", "registeredYear", 2016,
                "exitYear", 2018, "monitoring", "监测对象", "category", "脱贫不稳定户", "since", "2021-05-01",
                "reference", "彭水乡振发〔2021〕3号", "effectiveOn", "2021-05-01"));
        String path = "/api/households/" + household + "/status/corrections";

        for (String role : List.of("CADRE", "INFO_OFFICER", "LEADER", "POLICY")) {
            correction.put("reason", "2021年纳入监测未录入系统");
            ApiClient as = role.equals("CADRE") ? procedures.village() : role.equals("INFO_OFFICER") ? api
                    : api.asRole(role, role.toLowerCase());
            assertThat(call(as, HttpMethod.POST, path, correction).status()).as(role).isEqualTo(403);
        }
        ApiClient admin = api.asRole("ADMIN", "admin");
        correction.remove("reason");
        Answer noReason = call(admin, HttpMethod.POST, path, correction);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.detail()).contains("更正须填写原因");
        assertThat(snapshot(household)).isEqualTo(before);

        correction.put("reason", "2021年纳入监测未录入系统");
        Map<String, Object> corrected = ok(call(admin, HttpMethod.POST, path, correction));

        assertThat((Map<String, Object>) corrected.get("status")).containsEntry("monitoring", "MONITORED")
                .containsEntry("category", "脱贫不稳定户").containsEntry("since", "2021-05-01");
        List<Map<String, Object>> history = (List<Map<String, Object>>) api.get("/api/households/" + household
                + "/status").get("history");
        assertThat(history).extracting(h -> h.get("kind")).containsExactly("CORRECTED", "REGISTERED");
        assertThat(history.get(0)).containsEntry("actor", "t-admin").containsEntry("reason", "2021年纳入监测未录入系统")
                .containsEntry("reference", "彭水乡振发〔2021〕3号").containsEntry("effectiveOn", "2021-05-01")
                .doesNotContainKey("procedureId");
        assertThat((Map<String, Object>) api.get("/api/households/" + household).get("monitoring"))
                .containsEntry("status", "MONITORED");
    }

    @Test
    void aCorrectionThatContradictsItselfIsRefusedWithEveryProblemAndChangesNothing() {
        long household = exitedHousehold("Q" + System.nanoTime(), 30000);
        Snapshot before = snapshot(household);
        Map<String, Object> correction = new HashMap<>(Map.of("householdClass", "脱贫户", "registeredYear", 2018,
                "exitYear", 2016, "monitoring", "风险已消除", "category", "脱贫不稳定户", "since", "2021-05-01",
                "riskClearedOn", "2021-04-01", "reason", "按档案更正"));

        Answer a = call(api.asRole("ADMIN", "admin"), HttpMethod.POST,
                "/api/households/" + household + "/status/corrections", correction);

        assertThat(a.status()).isEqualTo(400);
        assertThat((List<String>) a.body().get("errors")).containsExactlyInAnyOrder("风险消除日期不能早于纳入监测日期",
                "脱贫年份不能早于建档立卡年份");
        assertThat(snapshot(household)).isEqualTo(before);
    }
}
