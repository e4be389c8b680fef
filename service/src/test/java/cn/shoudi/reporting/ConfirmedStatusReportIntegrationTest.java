package cn.shoudi.reporting;

import cn.shoudi.ApiClient;
import cn.shoudi.SiblingDatabase;
import cn.shoudi.TestAccounts;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report counts 监测对象 from the registry's decisions, not from the tables: a household the monitoring table proposes
 * is 待核实 only; after its 纳入监测 procedure it is a 监测对象 (from the decision's date on), stays one when its income
 * rises above the line and the risk-cleared table proposes 建议消除 (待核实 again), and leaves only with a 风险消除
 * decision, after which it counts as 风险已消除. On a database of its own, so that its one township is the report's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31"})
class ConfirmedStatusReportIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
        SiblingDatabase.register(registry, "confirmed_status");
    }

    @Test
    void aMonitoringObjectIsCountedFromItsEntryDecisionUntilItsRiskClearedDecisionAndProposalsOnlyAsPending() {
        ApiClient api = new ApiClient(port, jdbc);
        ApiClient leader = api.asRole("LEADER", "report-leader");
        TestTownship town = new TestTownship(api);
        // villages made through the API belong to no township; put this one in a township as a bulk load would
        jdbc.sql("INSERT INTO registry_township (code, name, county) VALUES ('500243999', '测试乡', '测试县')").update();
        jdbc.sql("UPDATE registry_village SET township_id = (SELECT id FROM registry_township WHERE code = "
                + "'500243999') WHERE id = ?").param(town.villageId).update();
        String no = "RS" + System.nanoTime();
        Map<String, Object> data = town.household(no, 11000);
        long id = TestTownship.id(api.post("/api/households", data));
        api.awaitOutboxDrained();

        // 5,500 元 a head in 2021, under the 6,000 line: the monitoring table proposes it; nobody has decided yet
        Map<String, Map<String, Object>> proposed = figures(api, town, null);
        assertHouseholds(proposed, "pending_monitoring", 1);
        assertHouseholds(proposed, "monitoring_objects", 0);
        assertHouseholds(proposed, "unstable", 0);
        assertThat(ledger(api, "pending-monitoring", town)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("户编号", no).containsEntry("监测状态", null));
        assertThat(dashboardTile(api, town, "tile-pending_monitoring")).isEqualTo("1");
        assertThat(dashboardTile(api, town, "tile-monitored")).isEqualTo("0");

        long entry = TestTownship.id(api.post("/api/households/" + id + "/procedures", Map.of("kind", "纳入监测",
                "origin", "FINDING", "category", "脱贫不稳定户", "startedOn", "2021-03-01")));
        step(api, entry, "VERIFICATION", "PASSED", "2021-03-02");
        step(api, entry, "VILLAGE_REVIEW", "PASSED", "2021-03-03");
        step(api, entry, "VILLAGE_NOTICE", "POSTED", "2021-03-03");
        step(api, entry, "VILLAGE_NOTICE", "PASSED", "2021-03-08");
        step(leader, entry, "TOWNSHIP_REVIEW", "PASSED", "2021-03-09");
        step(leader, entry, "COUNTY_APPROVAL", "PASSED", "2021-03-10");
        api.awaitOutboxDrained();

        Map<String, Map<String, Object>> entered = figures(api, town, null);
        assertHouseholds(entered, "monitoring_objects", 1);
        assertHouseholds(entered, "unstable", 1);
        assertHouseholds(entered, "edge", 0);
        assertHouseholds(entered, "pending_monitoring", 0);
        assertThat(ledger(api, "unstable", town)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("户编号", no).containsEntry("监测状态", "监测对象").containsEntry("监测类型", "脱贫不稳定户")
                .containsEntry("纳入监测日期", "2021-03-10"));
        assertHouseholds(figures(api, town, "2021-03-09"), "monitoring_objects", 0);
        assertThat(dashboardTile(api, town, "tile-monitored")).isEqualTo("1");

        // income rises well above the line, the household has labour, a measure was implemented, the rigid spending is
        // resolved: the monitoring table no longer proposes it and the risk-cleared table proposes 建议消除
        Map<String, Object> richer = new HashMap<>(data);
        richer.put("netIncome", 30000);
        richer.put("previousYearNetIncome", 28000);
        richer.put("facts", Map.of("incomeStableMonths", 8));
        List<Map<String, Object>> members = new ArrayList<>();
        for (Object m : (List<?>) data.get("members")) {
            Map<String, Object> member = new HashMap<>((Map<String, Object>) m);
            member.put("labour", "普通劳动力");
            member.put("medicalInsured", true);
            members.add(member);
        }
        richer.put("members", members);
        api.put("/api/households/" + id, richer);
        api.asCadre(town.helperId).post("/api/households/" + id + "/visits", Map.of("cadreId", town.helperId,
                "visitDate", "2021-06-15", "findings", "户主在镇上务工，收入稳定", "measures", List.of("就业"),
                "rigidSpendResolved", true, "newRiskDetected", false));
        api.awaitOutboxDrained();

        Map<String, Map<String, Object>> richerFigures = figures(api, town, null);
        assertHouseholds(richerFigures, "monitoring_objects", 1);
        assertHouseholds(richerFigures, "unstable", 1);
        assertHouseholds(richerFigures, "pending_monitoring", 0);
        assertHouseholds(richerFigures, "pending_clearance", 1);
        assertHouseholds(richerFigures, "risk_cleared", 0);

        long clearance = TestTownship.id(api.post("/api/households/" + id + "/procedures", Map.of("kind", "风险消除",
                "origin", "FINDING", "startedOn", "2021-11-01")));
        step(api, clearance, "VERIFICATION", "PASSED", "2021-11-02");
        step(api, clearance, "VILLAGE_REVIEW", "PASSED", "2021-11-03");
        step(api, clearance, "VILLAGE_NOTICE", "POSTED", "2021-11-03");
        step(api, clearance, "VILLAGE_NOTICE", "PASSED", "2021-11-10");
        step(leader, clearance, "TOWNSHIP_REVIEW", "PASSED", "2021-11-12");
        step(leader, clearance, "COUNTY_APPROVAL", "PASSED", "2021-11-15");
        api.awaitOutboxDrained();

        Map<String, Map<String, Object>> cleared = figures(api, town, null);
        assertHouseholds(cleared, "monitoring_objects", 0);
        assertHouseholds(cleared, "unstable", 0);
        assertHouseholds(cleared, "risk_cleared", 1);
        assertHouseholds(cleared, "pending_clearance", 0);
        assertHouseholds(cleared, "pending_monitoring", 0);
        assertThat(ledger(api, "risk-cleared", town)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("监测状态", "风险已消除").containsEntry("风险消除日期", "2021-11-15"));
        Map<String, Map<String, Object>> before = figures(api, town, "2021-11-14");
        assertHouseholds(before, "monitoring_objects", 1);
        assertHouseholds(before, "risk_cleared", 0);
        assertThat(dashboardTile(api, town, "tile-cleared")).isEqualTo("1");
        assertThat(dashboardTile(api, town, "tile-monitored")).isEqualTo("0");
    }

    private static void step(ApiClient as, long procedure, String step, String outcome, String date) {
        as.post("/api/procedures/" + procedure + "/steps", Map.of("step", step, "outcome", outcome, "date", date,
                "reference", "测试文号"));
    }

    private static void assertHouseholds(Map<String, Map<String, Object>> figures, String code, long households) {
        assertThat(figures).containsKey(code);
        assertThat(((Number) figures.get(code).get("households")).longValue()).as(code).isEqualTo(households);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> figures(ApiClient api, TestTownship town, String asOf) {
        Map<String, Object> report = api.get("/api/reports/township?village=" + town.villageId
                + (asOf == null ? "" : "&asOf=" + asOf));
        Map<String, Map<String, Object>> byCode = new HashMap<>();
        for (Map<String, Object> section : (List<Map<String, Object>>) report.get("sections")) {
            for (Map<String, Object> f : (List<Map<String, Object>>) section.get("figures")) {
                byCode.put((String) f.get("code"), f);
            }
        }
        return byCode;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> ledger(ApiClient api, String code, TestTownship town) {
        Map<String, Object> view = api.get("/api/reports/township/ledgers/" + code + "?village=" + town.villageId);
        List<String> columns = (List<String>) view.get("columns");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> r : (List<List<Object>>) view.get("rows")) {
            Map<String, Object> m = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                m.put(columns.get(i), r.get(i));
            }
            rows.add(m);
        }
        return rows;
    }

    /** The number on a tile of the leaders' dashboard page for the village. */
    private String dashboardTile(ApiClient api, TestTownship town, String tileId) {
        String page = api.pages(TestAccounts.ensure(jdbc, "t-report-leader", "LEADER", null, null, null)).get()
                .uri("/dashboard?village=" + town.villageId).retrieve().body(String.class);
        String tile = page.substring(page.indexOf("id=\"" + tileId + "\""));
        tile = tile.substring(tile.indexOf("<strong>") + 8);
        return tile.substring(0, tile.indexOf("</strong>"));
    }
}
