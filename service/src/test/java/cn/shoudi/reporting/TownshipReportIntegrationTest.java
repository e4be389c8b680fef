package cn.shoudi.reporting;

import cn.shoudi.ApiClient;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import cn.shoudi.SiblingDatabase;
import cn.shoudi.TestAccounts;
import java.nio.charset.StandardCharsets;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo township loaded into its own database (a sibling of the test database on MariaDB, so that no other test's
 * households count), with its 2019 statuses as recorded decisions and its scripted 2020–2021 history, evaluated by the
 * default decision tables as of 2019-12-31, and the township report computed from it: every figure of the seed report
 * (domain.md's table) comes out, statuses from the decisions and nothing left to verify (待核实); as of 2020 and 2021
 * the history's entries and clearances count; each figure's ledger has exactly the figure's rows; the XLSX download
 * carries the same figures; village filters and as-of dates work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=true", "shoudi.assessment.as-of=2019-12-31"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TownshipReportIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;
    Map<String, Map<String, Object>> figures;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
        SiblingDatabase.register(registry, "township");
    }

    @BeforeAll
    void loadAndEvaluate() {
        api = new ApiClient(port, jdbc);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM assessment_run WHERE status = 'DONE'").query(Long.class).single() > 0);
        api.awaitOutboxDrained();
        figures = figures(api.get("/api/reports/township"));
    }

    @Test
    void reproducesEveryHouseholdFigureOfTheSeedReport() {
        assertAmount("villages", 4);
        assertAmount("poor_villages", 2);
        assertAmount("groups", 25);
        assertCount("households", 3389, 14256);
        assertCount("registered", 776, 3189);
        assertCount("exited", 747, 3069);
        assertCount("exited_in_year", 57, 227);
        assertCount("remaining", 29, 120);
        assertCount("low_income", 267, 606);
        assertPeople("children", 2269);
        assertPeople("children_registered", 595);
        assertAmount("dropouts", 5);
        assertPeople("education_aid", 724);
        assertPeople("aid_preschool", 78);
        assertPeople("aid_compulsory", 579);
        assertPeople("aid_high_school", 67);
        assertAmount("house_buildings", 3150);
        assertCount("houses", 3012, null);
        assertCount("house_a", 2090, null);
        assertCount("house_b", 438, null);
        assertCount("house_c", 22, null);
        assertCount("house_d", 16, null);
        assertCount("house_production", 151, null);
        assertCount("house_idle", 295, null);
        assertCount("living_upgrades", 253, null);
        assertCount("upgrade_改厕", 50, null);
        assertCount("upgrade_改厨", 64, null);
        assertCount("upgrade_D级危房配套设施", 47, null);
        assertCount("housing_fixes", 85, null);
        Object[][] fixes = {{"C级危房改造", 2}, {"D级危房改造", 1}, {"D级危房专项资金改造", 9}, {"拆除重建", 10},
                {"易地扶贫搬迁", 3}, {"维修加固", 49}, {"随子女居住", 5}, {"自建", 6}};
        for (Object[] f : fixes) {
            assertCount("fix_" + f[0], (Integer) f[1], null);
        }
        assertCount("relocated", 73, 312);
        assertCount("relocated_recent", 11, 52);
        assertAmount("water_points", 183);
        assertAmount("water_investment", 11_667_000);
        assertCount("water_served", 2775, 12905);
        assertCount("water_served_registered", 680, 2815);
        assertPeople("chronic_cards", 44);
        assertAmount("family_doctor_rate", 100);
        Object[][] industries = {{"烤烟", 34, 10, 870}, {"中药材", 61, 37, 302}, {"中蜂", 68, 38, 645},
                {"生猪", 1940, 472, 6500}, {"山羊", 18, 7, 1200}, {"红薯", 1948, 480, 4000}};
        for (Object[] i : industries) {
            assertCount("industry_" + i[0], (Integer) i[1], null);
            assertCount("industry_" + i[0] + "_registered", (Integer) i[2], null);
            assertAmount("industry_" + i[0], (Integer) i[3]);
        }
        assertCount("order_help", 87, null);
        assertCount("dividends", 417, null);
        assertPeople("public_welfare_jobs", 58);
        assertAmount("info_officers_township", 2);
        assertAmount("info_officers_village", 4);
    }

    @Test
    void statusesAreTheRecordedDecisionsOf2019AndTheTablesProposeNothingElse() {
        assertCount("unstable", 16, 54);
        assertCount("edge", 14, 46);
        assertCount("sudden", 0, 0);
        assertCount("monitoring_objects", 30, 100);
        assertCount("risk_cleared", 0, 0);
        // the household that lost its work in December 2021 (the demo's history) waits to be verified
        assertCount("pending_monitoring", 1, null);
        assertCount("pending_identification", 0, 0);
        assertCount("pending_exit", 0, 0);
        assertCount("pending_clearance", 0, 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registry_status_change WHERE kind = 'REGISTERED' AND effective_on = "
                + "'2019-10-31' AND reference = '2019年扶贫对象动态调整'").query(Long.class).single()).isEqualTo(776);
        assertThat(jdbc.sql("SELECT monitoring_category, COUNT(*) FROM registry_status_change WHERE kind = "
                        + "'ENTERED_MONITORING' AND effective_on = '2019-11-15' AND reference LIKE '2019年两摸底%' "
                        + "GROUP BY monitoring_category").query((rs, i) -> rs.getString(1) + " " + rs.getLong(2)).list())
                .containsExactlyInAnyOrder("脱贫不稳定户 16", "边缘易致贫户 14");
        // the monitoring table proposes no household already a 监测对象 (the 两摸底 lists are decided): only the one whose
        // income fell in December 2021, not decided yet
        List<String> proposed = jdbc.sql("SELECT COALESCE(h.monitoring_status, '-') FROM registry_household h JOIN "
                + "assessment_head ah ON ah.household_id = h.id JOIN assessment_decision d ON d.assessment_id = "
                + "ah.assessment_id AND d.table_id = 'monitoring' WHERE d.outcome IN ('脱贫不稳定户', '边缘易致贫户', "
                + "'突发严重困难户')").query(String.class).list();
        assertThat(proposed).containsExactly("-");
        assertThat(rows("pending-monitoring", "")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("户类型", "脱贫户").containsEntry("监测状态", null));
        List<Map<String, Object>> remaining = rows("remaining", "");
        assertThat(remaining).hasSize(29);
        long blocked = jdbc.sql("SELECT COUNT(*) FROM registry_household h JOIN assessment_head ah ON ah.household_id "
                + "= h.id JOIN assessment_decision d ON d.assessment_id = ah.assessment_id AND d.table_id = 'exit' "
                + "WHERE h.household_class = 'NOT_EXITED' AND d.outcome = '暂不退出'").query(Long.class).single();
        assertThat(blocked).isEqualTo(29);
        // the generated 七不进 cases (car, company, town flat, new house, away, village cadre, public employee)
        List<String> excluded = jdbc.sql("SELECT h.household_class FROM registry_household h JOIN assessment_head ah "
                + "ON ah.household_id = h.id JOIN assessment_decision d ON d.assessment_id = ah.assessment_id AND "
                + "d.table_id = 'identification' WHERE d.outcome = '不予识别'").query(String.class).list();
        assertThat(excluded).hasSizeBetween(5, 15).containsOnly("GENERAL");
        long incomeMismatches = jdbc.sql("SELECT COUNT(*) FROM assessment_head ah JOIN assessment_finding f ON "
                + "f.assessment_id = ah.assessment_id WHERE f.code = 'DQ-INC1'").query(Long.class).single();
        assertThat(incomeMismatches).isZero();
        assertThat(((Number) figures.get("tasks_open").get("amount")).longValue()).isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScriptedHistoryEntersAndClearsMonitoringObjectsIn2020And2021() {
        Map<String, Map<String, Object>> end2020 = figures(api.get("/api/reports/township?asOf=2020-12-31"));
        assertThat(households(end2020, "monitoring_objects")).isEqualTo(32);
        assertThat(households(end2020, "unstable")).isEqualTo(17);
        assertThat(households(end2020, "edge")).isEqualTo(15);
        assertThat(households(end2020, "sudden")).isZero();
        assertThat(households(end2020, "risk_cleared")).isZero();
        Map<String, Map<String, Object>> end2021 = figures(api.get("/api/reports/township?asOf=2021-12-31"));
        assertThat(households(end2021, "monitoring_objects")).isEqualTo(31);
        assertThat(households(end2021, "unstable")).isEqualTo(16);
        assertThat(households(end2021, "edge")).isEqualTo(14);
        assertThat(households(end2021, "sudden")).isEqualTo(1);
        assertThat(households(end2021, "risk_cleared")).isEqualTo(2);
        assertThat(households(end2021, "pending_monitoring")).isEqualTo(1);
        // the registry's figures stay those of the seed report (the registered and exit years did not change)
        assertThat(households(end2021, "registered")).isEqualTo(776);

        List<Map<String, Object>> cleared = rows("risk-cleared", "?asOf=2021-12-31");
        assertThat(cleared).extracting(r -> r.get("风险消除日期")).containsExactlyInAnyOrder("2021-04-27", "2021-06-01");
        long recovered = householdId((String) cleared.stream().filter(r -> "2021-06-01".equals(r.get("风险消除日期")))
                .findFirst().orElseThrow().get("户编号"));
        List<Map<String, Object>> procedures = api.getList("/api/households/" + recovered + "/procedures");
        assertThat(procedures).extracting(p -> p.get("kind") + " " + p.get("status"))
                .containsExactly("RISK_CLEARANCE COMPLETED", "MONITORING_ENTRY COMPLETED");
        Map<String, Object> status = api.get("/api/households/" + recovered + "/status");
        assertThat((List<Map<String, Object>>) status.get("history")).extracting(c -> c.get("kind"))
                .containsExactly("RISK_CLEARED", "ENTERED_MONITORING");
        assertThat((List<Map<String, Object>>) status.get("measures")).isNotEmpty();

        List<Map<String, Object>> sudden = rows("sudden", "?asOf=2021-12-31");
        assertThat(sudden).singleElement().satisfies(r -> assertThat(r).containsEntry("纳入监测日期", "2021-08-05"));
        assertThat(api.getList("/api/households/" + householdId((String) sudden.get(0).get("户编号")) + "/procedures"))
                .singleElement().satisfies(p -> assertThat(p).containsEntry("greenChannel", true)
                        .containsEntry("status", "COMPLETED"));
        List<String> refused = jdbc.sql("SELECT h.monitoring_status FROM procedure_case p JOIN registry_household h ON "
                + "h.id = p.household_id WHERE p.kind = 'RISK_CLEARANCE' AND p.status = 'REJECTED'").query(String.class)
                .list();
        assertThat(refused).containsExactly("MONITORED");

        String dashboard = api.pages(TestAccounts.ensure(jdbc, "t-leader", "LEADER", null, null, null)).get()
                .uri("/dashboard?asOf=2021-12-31").retrieve().body(String.class);
        assertThat(tile(dashboard, "tile-monitored")).isEqualTo("31");
        assertThat(tile(dashboard, "tile-cleared")).isEqualTo("2");
        assertThat(tile(dashboard, "tile-pending_monitoring")).isEqualTo("1");
        assertThat(dashboard).contains("监测对象（已认定）", "风险已消除（已认定）", "待核实：拟纳入监测").doesNotContain("??");
    }

    @Test
    void reportsTheEnteredTownshipFactsWithTheirSource() {
        Object[][] facts = {{"area", "59.87"}, {"cultivated", "27680"}, {"paddy", "4565"}, {"forest", "55348"},
                {"altitude_min", "261"}, {"altitude_max", "1357"}, {"grain_area", "18215"}, {"grain_output", "4556"},
                {"rice_output", "1693"}, {"maize_output", "1362"}, {"beans_output", "87"}, {"potato_output", "522"},
                {"sweet_potato_output", "856"}, {"other_grain_output", "36"}, {"rapeseed_output", "126"},
                {"pigs_stock", "3300"}, {"pigs_sold", "3200"}, {"poultry_stock", "16535"}, {"poultry_sold", "7228"},
                {"orchard", "10172"}, {"trainings", "5"}, {"trainees", "150"}, {"guaranteed_loans", "3"},
                {"guaranteed_loan_amount", "400000"}, {"public_welfare_wage", "1000"}, {"clinic_staff", "10"},
                {"clinic_beds", "20"}, {"village_clinics", "4"}, {"secondary_reimbursement_total", "1123355.53"},
                {"secondary_reimbursement_year", "551173.91"}, {"premium_subsidy", "110"}, {"roads_paved", "12"},
                {"roads_paved_km", "63"}, {"roads_investment", "35750000"}, {"access_roads_km", "10.5"},
                {"central_inspection_problems", "30"}, {"city_ledger_closed", "69"},
                {"national_assessment_problems", "13"}, {"audit_problems", "5"}};
        for (Object[] f : facts) {
            Map<String, Object> figure = figures.get((String) f[0]);
            assertThat(figure).as((String) f[0]).isNotNull();
            assertThat(new BigDecimal(figure.get("amount").toString())).as((String) f[0])
                    .isEqualByComparingTo((String) f[1]);
            assertThat(figure.get("source")).isEqualTo("联合乡2019年脱贫攻坚工作总结");
        }
    }

    @Test
    void replacesTheFactsOfAYearAndRejectsABadListWithoutTouchingTheStoredOnes() {
        List<Map<String, Object>> facts = List.of(Map.of("section", "basic", "code", "area", "label", "幅员面积",
                "amount", 59.87, "unit", "平方公里", "source", "2017年统计年报"));
        api.http().put().uri("/api/reports/township/facts?year=2017").body(facts).retrieve().toBodilessEntity();
        List<Map<String, Object>> bad = List.of(Map.of("section", "nowhere", "code", "area", "label", "",
                "amount", 1, "unit", "亩", "source", "x"));
        String problem = api.http().put().uri("/api/reports/township/facts?year=2017").body(bad)
                .exchange((rq, rs) -> rs.getStatusCode().value() + " " + new String(rs.getBody().readAllBytes(),
                        StandardCharsets.UTF_8));
        assertThat(problem).startsWith("400").contains("第1项：栏目应为").contains("第1项：名称不能为空");
        assertThat(api.getList("/api/reports/township/facts?year=2017")).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("source", "2017年统计年报"));
    }

    @Test
    void everyLedgerHasExactlyTheRowsOfItsFigure() {
        for (Map<String, Object> f : figures.values()) {
            String ledger = (String) f.get("ledger");
            if (ledger == null || f.get("households") == null) {
                continue;
            }
            List<Map<String, Object>> rows = rows(ledger, "");
            boolean members = rows.isEmpty() ? "人".equals(f.get("unit")) : rows.get(0).containsKey("姓名");
            long expected = ((Number) f.get(members ? "people" : "households")).longValue();
            if (f.get("code").toString().startsWith("aid_") || f.get("code").toString().endsWith("_registered")
                    || "low_income".equals(f.get("code")) || "family_doctor_rate".equals(f.get("code"))) {
                continue; // sub-figures share their parent's ledger
            }
            assertThat(rows).as("ledger " + ledger + " of " + f.get("code")).hasSize((int) expected);
        }
        List<Map<String, Object>> children = rows("children", "");
        assertThat(children).allSatisfy(c -> {
            assertThat(((Number) c.get("年龄")).intValue()).isBetween(6, 16);
            assertThat((String) c.get("身份证号")).matches("500243\\d\\*{8}\\d{2}[\\dX]");
        });
        assertThat(rows("dropouts", "")).extracting(r -> r.get("处理结果")).containsExactlyInAnyOrder(
                "治疗好转后返校复学", "安排送教上门", "补发初中毕业证书", "劝返复学", "劝返至职业学校就读");
    }

    @Test
    void filtersByVillageAndReportsAsOfAnEarlierDate() {
        List<Map<String, Object>> villages = api.getList("/api/villages");
        long registered = 0;
        long people = 0;
        for (Map<String, Object> v : villages) {
            Map<String, Map<String, Object>> one = figures(api.get("/api/reports/township?village=" + v.get("id")));
            registered += ((Number) one.get("registered").get("households")).longValue();
            people += ((Number) one.get("households").get("people")).longValue();
            assertThat(one).doesNotContainKey("area");
        }
        assertThat(registered).isEqualTo(776);
        assertThat(people).isEqualTo(14256);
        Map<String, Map<String, Object>> before = figures(api.get("/api/reports/township?asOf=2018-12-31"));
        assertThat(((Number) before.get("exited").get("households")).longValue()).isEqualTo(747 - 57);
        assertThat(((Number) before.get("remaining").get("households")).longValue()).isEqualTo(29 + 57 - 4);
        assertThat(before).doesNotContainKey("area");
        assertThat(status("/api/reports/township?village=999999")).isEqualTo(404);
        assertThat(status("/api/reports/township/ledgers/no-such")).isEqualTo(404);
    }

    @Test
    void downloadsTheReportAndALedgerAsXlsx() throws Exception {
        byte[] report = api.http().get().uri("/api/reports/township/xlsx").retrieve().body(byte[].class);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report))) {
            assertThat(wb.getSheetName(0)).isEqualTo("基本情况");
            Sheet poverty = wb.getSheet("精准识别和精准退出");
            Row registered = find(poverty, "建档立卡贫困户");
            assertThat(registered.getCell(1).getNumericCellValue()).isEqualTo(776);
            assertThat(registered.getCell(2).getNumericCellValue()).isEqualTo(3189);
        }
        byte[] ledger = api.http().get().uri("/api/reports/township/ledgers/unstable/xlsx").retrieve()
                .body(byte[].class);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(ledger))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("户编号");
            assertThat(s.getLastRowNum()).isEqualTo(1 + 16);
            assertThat(s.getRow(2).getCell(4).getStringCellValue()).contains("********");
        }
    }

    @Test
    void showsTheReportPageAndTheLedgerPagesInChinese() {
        RestClient browser = api.pages(TestAccounts.ensure(jdbc, "t-leader",
                "LEADER", null, null, null));
        String page = browser.get().uri("/reports/township").retrieve().body(String.class);
        assertThat(page).contains("联合乡脱贫攻坚工作报表", "截至 2019年12月31日", "精准识别和精准退出", "下载 Excel")
                .doesNotContain("??");
        String registered = page.substring(page.indexOf("id=\"figure-registered\""));
        registered = registered.substring(0, registered.indexOf("</tr>"));
        assertThat(registered).contains("建档立卡贫困户", ">776<", ">3,189<", "/reports/township/ledgers/registered");
        String ledger = browser.get().uri("/reports/township/ledgers/edge?asOf=2019-12-31").retrieve()
                .body(String.class);
        assertThat(ledger).contains("台账：边缘易致贫户", "共 14 条").doesNotContain("??");
        assertThat(ledger.split("<tr>", -1).length - 2).isEqualTo(14);
        assertThat(ledger).containsPattern("500243\\d\\*{8}\\d{2}[\\dX]");
        assertThat(jdbc.sql("SELECT id_number FROM registry_member").query(String.class).list())
                .noneMatch(ledger::contains);
    }

    private long householdId(String householdNo) {
        return jdbc.sql("SELECT id FROM registry_household WHERE household_no = ?").param(householdNo)
                .query(Long.class).single();
    }

    private static long households(Map<String, Map<String, Object>> figures, String code) {
        assertThat(figures).containsKey(code);
        return ((Number) figures.get(code).get("households")).longValue();
    }

    private static String tile(String page, String id) {
        String tile = page.substring(page.indexOf("id=\"" + id + "\""));
        tile = tile.substring(tile.indexOf("<strong>") + 8);
        return tile.substring(0, tile.indexOf("</strong>"));
    }

    private int status(String path) {
        HttpStatusCode code = api.http().get().uri(path).exchange((rq, rs) -> rs.getStatusCode());
        return code.value();
    }

    private static Row find(Sheet sheet, String label) {
        for (Row r : sheet) {
            if (r.getCell(0) != null && label.equals(r.getCell(0).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row " + label);
    }

    private List<Map<String, Object>> rows(String ledger, String query) {
        Map<String, Object> view = api.get("/api/reports/township/ledgers/" + ledger + query);
        @SuppressWarnings("unchecked")
        List<String> columns = (List<String>) view.get("columns");
        @SuppressWarnings("unchecked")
        List<List<Object>> rows = (List<List<Object>>) view.get("rows");
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            Map<String, Object> m = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                m.put(columns.get(i), r.get(i));
            }
            out.add(m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> figures(Map<String, Object> report) {
        Map<String, Map<String, Object>> byCode = new HashMap<>();
        for (Map<String, Object> section : (List<Map<String, Object>>) report.get("sections")) {
            for (Map<String, Object> f : (List<Map<String, Object>>) section.get("figures")) {
                byCode.put((String) f.get("code"), f);
            }
        }
        return byCode;
    }

    private void assertCount(String code, long households, Integer people) {
        Map<String, Object> f = figures.get(code);
        assertThat(f).as(code).isNotNull();
        assertThat(((Number) f.get("households")).longValue()).as(code + " households").isEqualTo(households);
        if (people != null) {
            assertThat(((Number) f.get("people")).longValue()).as(code + " people").isEqualTo(people.longValue());
        }
    }

    private void assertPeople(String code, long people) {
        Map<String, Object> f = figures.get(code);
        assertThat(f).as(code).isNotNull();
        assertThat(((Number) f.get("people")).longValue()).as(code + " people").isEqualTo(people);
    }

    private void assertAmount(String code, long amount) {
        Map<String, Object> f = figures.get(code);
        assertThat(f).as(code).isNotNull();
        assertThat(new BigDecimal(f.get("amount").toString())).as(code).isEqualByComparingTo(BigDecimal.valueOf(amount));
    }
}
