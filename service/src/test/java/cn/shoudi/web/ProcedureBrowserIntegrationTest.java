package cn.shoudi.web;

import cn.shoudi.ApiClient;
import cn.shoudi.SiblingDatabase;
import cn.shoudi.TestAccounts;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monitoring-entry procedure end to end in the browser (issue 16): an 一般农户 whose income is below the 2026
 * monitoring line, with a risk and unable to cope, gets an 入户核实 task (M-2); its helper cadre, on a phone, records the
 * visit at the door and resolves the task as 纳入监测 (边缘易致贫户), which starts the procedure with 入户核实 done; the
 * village's information officer finds it overdue in the pipeline, records 村级民主评议 (a stale second tab taking the
 * same step again is refused with the Chinese 409 message) and the 公示 (posted six days ago, closed without
 * objection); the cadre is offered no township step; the township leader records 乡镇审核 and 县级审定 with their 文号;
 * the household page then shows 监测对象（边缘易致贫户） with the change in its history, and the dashboard counts it.
 * Screenshots {@code journey-*.png} go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2026-06-30",
        // the overdue step must stay overdue while the test looks at it
        "shoudi.monitoring.escalation-initial-delay=PT6H"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcedureBrowserIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    Chromium chromium;
    WebDriver browser;

    TestTownship town;
    long household;
    long task;
    String cadre;
    String villageOfficer;
    String leader;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
        SiblingDatabase.register(registry, "journey");
    }

    @BeforeAll
    void aHouseholdWithATaskAndTheAccountsOfItsVillageAndTownship() throws Exception {
        chromium = Chromium.start(port);
        browser = chromium.driver();
        ApiClient officer = new ApiClient(port, jdbc);
        town = new TestTownship(officer);
        // the dashboard reports on a township: the registry has no API for one (the demo loader writes them)
        jdbc.sql("INSERT INTO registry_township (code, name, county) VALUES ('500238999', '测试乡', '巫溪县')").update();
        jdbc.sql("UPDATE registry_village SET township_id = (SELECT MIN(id) FROM registry_township) WHERE id = ?")
                .param(town.villageId).update();
        Map<String, Object> body = town.household("PJ" + System.nanoTime() % 1_000_000_000L, 10000);
        body.put("householdClass", "一般农户");
        body.put("riskTypes", List.of("因病"));
        body.put("selfCoping", false);
        household = TestTownship.id(officer.post("/api/households", body));
        officer.awaitOutboxDrained();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT COUNT(*) FROM monitoring_task WHERE "
                + "household_id = ? AND task_code = 'MON-VERIFY' AND open_flag = 1").param(household)
                .query(Long.class).single() == 1);
        task = jdbc.sql("SELECT id FROM monitoring_task WHERE household_id = ? AND task_code = 'MON-VERIFY'")
                .param(household).query(Long.class).single();
        cadre = TestAccounts.cadre(jdbc, town.helperId);
        villageOfficer = TestAccounts.ensure(jdbc, "t-village-officer-" + town.villageId, "INFO_OFFICER",
                town.committeeId, town.villageId, null);
        leader = TestAccounts.ensure(jdbc, "t-leader", "LEADER", null, null, null);
    }

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aCadreVerifiesAtTheDoorTheVillageReviewsAndPostsTheTownshipApprovesAndTheHouseholdIsMonitored()
            throws Exception {
        LocalDate today = LocalDate.now();

        // the helper cadre, on a phone, at the door
        browser.manage().window().setSize(new Dimension(390, 844));
        chromium.login(cadre, TestAccounts.PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/tasks");
        browser.findElement(By.cssSelector("#task-" + task + " a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/tasks/" + task));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("入户核实");
        WebElement visit = browser.findElement(By.id("visit-form"));
        setDate(visit.findElement(By.name("visitDate")), today.minusDays(10));
        visit.findElement(By.name("findings")).sendKeys("户主慢性病住院，医疗费用负担重，家庭无力应对");
        visit.findElement(By.cssSelector("input[name=measures][value=MEDICAL_ASSISTANCE]")).click();
        new Select(visit.findElement(By.name("rigidSpendResolved"))).selectByValue("false");
        new Select(visit.findElement(By.name("newRiskDetected"))).selectByValue("true");
        chromium.shot("journey-1-cadre-visit");
        visit.findElement(By.id("record-visit")).click();
        chromium.awaitNotice("已保存走访记录");

        WebElement resolve = browser.findElement(By.id("resolve-form"));
        assertThat(resolve.findElement(By.id("resolve-explain")).getText()).contains("纳入监测", "风险消除", "启动相应程序");
        assertThat(new Select(resolve.findElement(By.name("category"))).getFirstSelectedOption().getText())
                .as("the category the assessment proposes is preselected").isEqualTo("边缘易致贫户");
        new Select(resolve.findElement(By.name("outcome"))).selectByValue("ENTERED_MONITORING");
        resolve.findElement(By.name("note")).sendKeys("核实属实，建议纳入监测");
        resolve.findElement(By.id("resolve")).click();
        chromium.awaitNotice("任务已办结");
        assertThat(browser.findElement(By.id("task-procedure")).getText())
                .contains("已启动「纳入监测」程序，当前步骤：村级民主评议");
        scrollTo("task-procedure");
        chromium.shot("journey-2-cadre-resolved");
        long procedure = jdbc.sql("SELECT id FROM procedure_case WHERE household_id = ? AND kind = 'MONITORING_ENTRY'")
                .param(household).query(Long.class).single();
        browser.findElement(By.id("procedure-link")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith("/households/" + household + "#procedure-" + procedure));
        assertThat(browser.findElement(By.id("status-monitoring")).getText()).isEqualTo("非监测对象");
        assertThat(browser.findElement(By.id("proposal-MONITORING_ENTRY")).getText())
                .contains("拟纳入监测（边缘易致贫户）", "待核实", "「纳入监测」程序办理中");
        WebElement card = browser.findElement(By.id("procedure-" + procedure));
        assertThat(card.getText()).contains("入户核实", "通过", "当前步骤：村级民主评议（村级办理）", "已逾期");
        assertThat(browser.findElement(By.id("measures")).getText()).contains("医疗救助", today.minusDays(10).toString());
        chromium.shot("journey-3-cadre-household");
        chromium.logout();

        // the village's information officer: the pipeline, then 村级民主评议 and 公示
        chromium.login(villageOfficer, TestAccounts.PASSWORD);
        browser.findElement(By.id("nav-procedures")).click();
        WebElement review = browser.findElement(By.id("step-MONITORING_ENTRY-VILLAGE_REVIEW"));
        assertThat(review.findElement(By.className("count")).getText()).isEqualTo("1");
        assertThat(review.findElement(By.className("overdue")).getText()).isEqualTo("1");
        chromium.shot("journey-4-officer-pipeline");
        review.findElement(By.cssSelector(".overdue a")).click();
        assertThat(browser.findElement(By.id("list-filter")).getText()).contains("纳入监测", "村级民主评议", "已逾期");
        browser.findElement(By.cssSelector("#item-" + procedure + " a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/households/"));

        String stale = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(chromium.url("/households/" + household));
        takeStep(procedure, "PASSED", today.minusDays(9), "村民代表 23 人参会，23 票同意纳入", null);
        chromium.awaitNotice("已办理，程序已更新");
        browser.close();
        browser.switchTo().window(stale);
        // the first tab still offers 村级民主评议: taking it again is out of order
        takeStep(procedure, "PASSED", today.minusDays(9), "重复提交", null);
        WebElement refusal = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("#procedure-" + procedure + " .error")));
        assertThat(refusal.getText()).startsWith("当前步骤为「村级公示」，不能办理「村级民主评议」");
        chromium.shot("journey-5-officer-out-of-order");

        assertThat(browser.findElements(By.id("step-" + procedure + "-PASSED"))).as("a notice is posted first")
                .isEmpty();
        takeStep(procedure, "POSTED", today.minusDays(6), "在村务公开栏公示", "龙池村公示〔2026〕8号");
        chromium.awaitNotice("已办理，程序已更新");
        assertThat(browser.findElement(By.id("procedure-" + procedure)).getText())
                .contains(today.minusDays(6) + " 开始公示");
        takeStep(procedure, "PASSED", today, "公示期满，无异议", null);
        chromium.awaitNotice("已办理，程序已更新");
        assertThat(browser.findElements(By.id("step-form-" + procedure))).as("乡镇审核 is the township's").isEmpty();
        chromium.shot("journey-6-officer-noticed");
        chromium.logout();

        // the cadre is offered no township step
        chromium.login(cadre, TestAccounts.PASSWORD);
        browser.get(chromium.url("/households/" + household));
        assertThat(browser.findElements(By.id("step-form-" + procedure))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#procedure-" + procedure + " button"))).isEmpty();
        assertThat(browser.findElement(By.id("waiting-" + procedure)).getText())
                .isEqualTo("「乡镇审核」由乡镇办理，您的角色不能办理这一步。");
        chromium.shot("journey-7-cadre-waits-for-township");
        chromium.logout();

        // the township leader approves
        browser.manage().window().setSize(new Dimension(1280, 1000));
        chromium.login(leader, TestAccounts.PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard");
        browser.findElement(By.id("tile-procedures")).click();
        WebElement township = browser.findElement(By.id("step-MONITORING_ENTRY-TOWNSHIP_REVIEW"));
        assertThat(township.findElement(By.className("count")).getText()).isEqualTo("1");
        chromium.shot("journey-8-leader-pipeline");
        township.findElement(By.cssSelector(".count a")).click();
        browser.findElement(By.cssSelector("#item-" + procedure + " a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/households/"));
        takeStep(procedure, "PASSED", today, "乡镇审核同意", "联合乡审〔2026〕15号");
        chromium.awaitNotice("已办理，程序已更新");
        takeStep(procedure, "PASSED", today, "县级审定同意", "巫溪县审〔2026〕42号");
        chromium.awaitNotice("已办理，程序已更新");

        assertThat(browser.findElement(By.id("status-monitoring")).getText()).isEqualTo("监测对象（边缘易致贫户）");
        assertThat(browser.findElement(By.id("status")).getText()).contains("纳入监测日期", today.toString());
        assertThat(browser.findElements(By.id("proposal-MONITORING_ENTRY"))).as("decided, no longer a proposal")
                .isEmpty();
        assertThat(browser.findElement(By.id("procedure-" + procedure)).getText())
                .contains("纳入监测 #" + procedure + "（已完成）", "县级审定", "巫溪县审〔2026〕42号");
        String history = browser.findElement(By.id("status-history")).getText();
        assertThat(history).contains("纳入监测", "一般农户 → 一般农户；监测对象：边缘易致贫户，" + today + "纳入",
                "文号：巫溪县审〔2026〕42号", "依据程序 #" + procedure, leader);
        scrollTo("status");
        chromium.shot("journey-9-leader-monitored");
        assertThat(jdbc.sql("SELECT monitoring_status, monitoring_category FROM registry_household WHERE id = ?")
                .param(household).query((rs, i) -> rs.getString(1) + " " + rs.getString(2)).single())
                .isEqualTo("MONITORED 边缘易致贫户");

        // the dashboard counts the 监测对象 decided by its date: the decision was taken today
        browser.get(chromium.url("/dashboard?asOf=" + today));
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("[data-rendered=true] svg")).size() >= 4);
        JsonNode category = json.readTree(browser.findElement(By.id("chart-category")).getAttribute("data-chart"))
                .get("series").get(0).get("data");
        assertThat(category.valueStream().filter(d -> d.get("name").asString().equals("边缘易致贫户"))
                .map(d -> d.get("value").asLong()).toList()).containsExactly(1L);
        chromium.shot("journey-10-leader-dashboard");
        browser.get(chromium.url("/procedures"));
        assertThat(browser.findElement(By.cssSelector("#kind-MONITORING_ENTRY h2")).getText())
                .isEqualTo("纳入监测：办理中 0，逾期 0，已办结 1");
        chromium.logout();
    }

    /** Fills the procedure's step form on the current page and presses the outcome's button. */
    private void takeStep(long procedure, String outcome, LocalDate date, String note, String reference) {
        WebElement form = browser.findElement(By.id("step-form-" + procedure));
        setDate(form.findElement(By.name("date")), date);
        form.findElement(By.name("note")).sendKeys(note);
        if (reference != null) {
            form.findElement(By.name("reference")).sendKeys(reference);
        }
        form.findElement(By.id("step-" + procedure + "-" + outcome)).click();
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id(id)));
    }

    /** A date input's value, set as the page would submit it (typing into one depends on the browser's locale). */
    private void setDate(WebElement input, LocalDate date) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, date.toString());
    }
}
