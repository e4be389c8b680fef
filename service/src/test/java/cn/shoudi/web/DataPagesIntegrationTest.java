package cn.shoudi.web;

import cn.shoudi.ApiClient;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import cn.shoudi.Privacy;
import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The information officer's household pages over HTTP with a signed-in session: search, a household with masked ID
 * numbers, and an edit that is refused with the API's Chinese message and then saved, keeping the risk types.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31"})
class DataPagesIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOfficerFindsAHouseholdSeesMaskedNumbersAndEditsItsIncomeWithTheApisValidation() {
        ApiClient api = new ApiClient(port, jdbc);
        TestTownship town = new TestTownship(api);
        String no = "DP" + System.nanoTime();
        long id = TestTownship.id(api.post("/api/households", town.household(no, 9000)));
        api.awaitOutboxDrained();
        RestClient browser = api.pages("t-officer");
        String search = browser.get().uri("/households?villageId=" + town.villageId + "&q=" + no).retrieve()
                .body(String.class);
        assertThat(search).contains(no, "/households/" + id);
        String page = browser.get().uri("/households/" + id).retrieve().body(String.class);
        String head = jdbc.sql("SELECT id_number FROM registry_member WHERE household_id = ? AND relation = '户主'")
                .param(id).query(String.class).single();
        assertThat(page).contains(Privacy.maskIdNumber(head), "评估记录", "监测任务").doesNotContain(head);
        String bad = post(browser, page, "/households/" + id + "/income", "9000.123");
        assertThat(bad).contains("家庭纯收入超出范围");
        String saved = post(browser, bad, "/households/" + id + "/income", "12000");
        assertThat(saved).contains("已保存，正在重新评估");
        assertThat(jdbc.sql("SELECT net_income FROM registry_household WHERE id = ?").param(id)
                .query(BigDecimal.class).single()).isEqualByComparingTo("12000");
        assertThat(jdbc.sql("SELECT risk_types FROM registry_household WHERE id = ?").param(id).query(String.class)
                .single()).isEqualTo("因病");
    }

    /** Posts the edit form of a page (its CSRF token and version) with a new income; returns the page shown next. */
    private static String post(RestClient browser, String page, String path, String income) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", value(page, "_csrf"));
        form.add("version", value(page, "version"));
        form.add("netIncome", income);
        form.add("rigidExpenditure", "0");
        form.add("riskTypes", "因病");
        String location = browser.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .exchange((rq, rs) -> String.valueOf(rs.getHeaders().getLocation()));
        return browser.get().uri(location).retrieve().body(String.class);
    }

    private static String value(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }
}
