package cn.shoudi.web;

import cn.shoudi.ApiClient;
import cn.shoudi.TestAccounts;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The household page's procedure and visit forms over HTTP with signed-in sessions: a procedure started from the
 * rules' proposal; a 不通过 without a reason refused by the page; a village step forged by a leader refused with the
 * service's Chinese message; a visit outside a task recording its measures and the risk-cleared facts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31"})
class ProcedurePagesIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aProcedureStartsFromTheProposalAndOnlyItsLevelMayTakeAStepAndARejectionNeedsAReason() {
        ApiClient api = new ApiClient(port, jdbc);
        TestTownship town = new TestTownship(api);
        long id = TestTownship.id(api.post("/api/households", town.household("PP" + System.nanoTime(), 9000)));
        api.awaitOutboxDrained();
        RestClient officer = api.pages(TestAccounts.officer(jdbc));
        String page = officer.get().uri("/households/" + id).retrieve().body(String.class);
        assertThat(page).contains("id=\"proposal-MONITORING_ENTRY\"", "拟纳入监测（脱贫不稳定户）", "待核实",
                "启动「纳入监测」程序", "非监测对象");

        page = submit(officer, page, "/households/" + id + "/procedures", Map.of("kind", "MONITORING_ENTRY",
                "origin", "FINDING", "category", "脱贫不稳定户"));
        assertThat(page).contains("程序已启动", "「纳入监测」程序办理中", "当前步骤：入户核实（村级办理）");
        long procedure = jdbc.sql("SELECT id FROM procedure_case WHERE household_id = ?").param(id)
                .query(Long.class).single();
        String steps = "/households/" + id + "/procedures/" + procedure + "/steps";
        assertThat(page).contains("id=\"step-form-" + procedure + "\"", "id=\"step-" + procedure + "-REJECTED\"");

        page = submit(officer, page, steps, Map.of("step", "VERIFICATION", "outcome", "REJECTED",
                "date", LocalDate.now().toString()));
        assertThat(page).contains("“不通过”须在办理情况中写明理由");
        assertThat(status(procedure)).isEqualTo("IN_PROGRESS VERIFICATION");

        RestClient leader = api.pages(TestAccounts.ensure(jdbc, "t-leader", "LEADER", null, null, null));
        String leaders = leader.get().uri("/households/" + id).retrieve().body(String.class);
        assertThat(leaders).doesNotContain("id=\"step-form-" + procedure + "\"")
                .contains("「入户核实」由村级办理，您的角色不能办理这一步。");
        leaders = submit(leader, leaders, steps, Map.of("step", "VERIFICATION", "outcome", "PASSED",
                "date", LocalDate.now().toString()));
        assertThat(leaders).contains("「入户核实」是村级步骤，须由帮扶干部或扶贫信息员办理");
        assertThat(status(procedure)).isEqualTo("IN_PROGRESS VERIFICATION");

        page = submit(officer, page, steps, Map.of("step", "VERIFICATION", "outcome", "REJECTED",
                "date", LocalDate.now().toString(), "note", "核实后家庭收入已超过监测线"));
        assertThat(page).contains("已办理，程序已更新", "纳入监测 #" + procedure + "（未通过）", "核实后家庭收入已超过监测线");
        assertThat(status(procedure)).isEqualTo("REJECTED VERIFICATION");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registry_household WHERE id = ? AND monitoring_status IS NULL")
                .param(id).query(Long.class).single()).as("not decided, not monitored").isEqualTo(1);
    }

    @Test
    void aVisitOutsideATaskRecordsItsMeasuresAndTheRiskClearedFacts() {
        ApiClient api = new ApiClient(port, jdbc);
        TestTownship town = new TestTownship(api);
        long id = TestTownship.id(api.post("/api/households", town.household("PV" + System.nanoTime(), 15000)));
        api.awaitOutboxDrained();
        RestClient cadre = api.pages(TestAccounts.cadre(jdbc, town.helperId));
        String page = cadre.get().uri("/households/" + id).retrieve().body(String.class);
        assertThat(page).contains("id=\"household-visit-form\"", "大额刚性支出已解决", "有新风险");

        page = submit(cadre, page, "/households/" + id + "/visits", Map.of("visitDate", LocalDate.now().toString(),
                "findings", " "));
        assertThat(page).contains("请填写走访发现的情况");

        LinkedMultiValueMap<String, String> visit = new LinkedMultiValueMap<>();
        visit.add("visitDate", LocalDate.now().toString());
        visit.add("findings", "产业增收，务工稳定");
        visit.addAll("measures", List.of("INDUSTRY", "OTHER"));
        visit.add("otherMeasure", "技能培训");
        visit.add("rigidSpendResolved", "true");
        visit.add("newRiskDetected", "false");
        page = submit(cadre, page, "/households/" + id + "/visits", visit);
        assertThat(page).contains("已保存走访记录，正在重新评估", "产业增收，务工稳定", "其他：技能培训");
        assertThat(jdbc.sql("SELECT measure FROM registry_measure WHERE household_id = ? ORDER BY measure").param(id)
                .query(String.class).list()).containsExactly("INDUSTRY", "OTHER");
        assertThat(jdbc.sql("SELECT facts FROM registry_household WHERE id = ?").param(id).query(String.class)
                .single()).contains("\"rigidSpendResolved\":\"是\"", "\"newRiskDetected\":\"否\"");
    }

    private String status(long procedure) {
        return jdbc.sql("SELECT status, current_step FROM procedure_case WHERE id = ?").param(procedure)
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2)).single();
    }

    /** Posts a form of the page (with its CSRF token) and returns the page the answer redirects to. */
    private static String submit(RestClient browser, String page, String path, Map<String, String> fields) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return submit(browser, page, path, form);
    }

    private static String submit(RestClient browser, String page, String path, LinkedMultiValueMap<String, String> form) {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("CSRF token on the page").isTrue();
        form.add("_csrf", csrf.group(1));
        String location = browser.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .exchange((rq, rs) -> {
                    assertThat(rs.getStatusCode().is3xxRedirection()).as("answer to " + path).isTrue();
                    return String.valueOf(rs.getHeaders().getLocation());
                });
        return browser.get().uri(location.replaceFirst("#.*$", "")).retrieve().body(String.class);
    }
}
