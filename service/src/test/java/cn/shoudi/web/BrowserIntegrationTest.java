package cn.shoudi.web;

import org.springframework.web.client.RestClient;
import cn.shoudi.TestAccounts;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import cn.shoudi.ApiClient;
import cn.shoudi.SiblingDatabase;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages in Debian's headless Chromium (driven by /usr/bin/chromedriver; nothing is downloaded), on the demo
 * township in a database of its own: a cadre on a 390-px-wide phone screen works an overdue task to its end; a policy
 * officer uploads a broken table and sees the cell at fault, then a good one, simulates, and a second officer
 * approves and publishes it; a leader's dashboard draws its charts with data. Screenshots go to
 * {@code target/screenshots/}. Skipped where Chromium is not installed (CI installs it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=true", "shoudi.assessment.as-of=2019-12-31",
        // the task made overdue below must not be escalated away from the cadre while the test works it
        "shoudi.monitoring.escalation-initial-delay=PT6H"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIntegrationTest {

    static final String PASSWORD = "shoudi-demo-2019";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Chromium chromium;
    WebDriver browser;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
        SiblingDatabase.register(registry, "browser");
    }

    @BeforeAll
    void startChromium() throws Exception {
        chromium = Chromium.start(port);
        browser = chromium.driver();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM assessment_run WHERE status = 'DONE'").query(Long.class).single() > 0);
    }

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aCadreOnAPhoneOpensAnOverdueTaskRecordsAVisitAndResolvesIt() throws Exception {
        await().atMost(Duration.ofMinutes(3)).until(() -> jdbc.sql("SELECT COUNT(*) FROM assessment_run WHERE status "
                + "= 'RUNNING'").query(Long.class).single() == 0);
        long cadre = jdbc.sql("SELECT cadre_id FROM security_user WHERE username = 'ganbu'").query(Long.class).single();
        new ApiClient(port, jdbc).awaitOutboxDrained();
        // the proposal nobody has decided yet (the demo's household whose income fell in December 2021), not one of the
        // 监测对象 the monitoring table keeps proposing
        long task = jdbc.sql("SELECT MIN(t.id) FROM monitoring_task t JOIN registry_household h ON h.id = "
                + "t.household_id WHERE t.open_flag = 1 AND t.task_code = 'MON-VERIFY' AND h.monitoring_status IS NULL")
                .query(Long.class).single();
        // the cadre helps the household (recording the visit re-evaluates it, and open tasks follow its helper)
        long household = jdbc.sql("SELECT household_id FROM monitoring_task WHERE id = ?").param(task)
                .query(Long.class).single();
        ApiClient officer = new ApiClient(port, jdbc);
        officer.put("/api/households/" + household + "/helper", Map.of("cadreId", cadre));
        officer.awaitOutboxDrained();
        jdbc.sql("UPDATE monitoring_task SET assignee_cadre_id = ?, due_date = ? WHERE id = ?")
                .params(cadre, LocalDate.now().minusDays(2), task).update();
        browser.manage().window().setSize(new Dimension(390, 844));
        login("ganbu");
        assertThat(browser.getCurrentUrl()).endsWith("/tasks");
        WebElement card = browser.findElement(By.id("task-" + task));
        assertThat(card.getAttribute("class")).contains("overdue");
        String head = jdbc.sql("SELECT name FROM registry_member WHERE household_id = ? AND relation = '户主'")
                .param(household).query(String.class).single();
        String village = jdbc.sql("SELECT v.name FROM registry_village v JOIN registry_household h ON h.village_id = v.id "
                + "WHERE h.id = ?").param(household).query(String.class).single();
        LocalDate due = LocalDate.now().minusDays(2);
        // the household by its head, village and group, the reason in one line, the due date as Chinese write it
        assertThat(card.getText()).contains("已逾期 2 天", head + "户 · " + village, "期限 " + due.getYear() + "年"
                + due.getMonthValue() + "月" + due.getDayOfMonth() + "日").doesNotContain("户 #");
        assertThat(card.findElement(By.className("reason")).getText()).isNotBlank().doesNotContain("\n");
        shot("cadre-1-inbox");
        card.findElement(By.tagName("a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/tasks/" + task));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("入户核实");
        assertThat(browser.getPageSource()).contains("为什么有这个任务", "监测对象纳入");
        shot("cadre-2-task");
        browser.findElement(By.name("findings")).sendKeys("户主住院，收入下降，已申请医疗救助");
        browser.findElement(By.cssSelector("input[name=measures][value=MEDICAL_ASSISTANCE]")).click();
        browser.findElement(By.id("record-visit")).click();
        awaitNotice("已保存走访记录");
        assertThat(browser.findElement(By.id("task-status")).getText()).isEqualTo("已走访");
        shot("cadre-3-visited");
        new Select(browser.findElement(By.name("outcome"))).selectByValue("ENTERED_MONITORING");
        browser.findElement(By.name("note")).sendKeys("经评议纳入监测");
        browser.findElement(By.id("resolve")).click();
        awaitNotice("任务已办结");
        assertThat(browser.findElement(By.id("task-status")).getText()).isEqualTo("已办结");
        shot("cadre-4-resolved");
        assertThat(jdbc.sql("SELECT status FROM monitoring_task WHERE id = ?").param(task).query(String.class)
                .single()).isEqualTo("RESOLVED");
        logout();
    }

    @Test
    void aPolicyOfficerSeesTheCellOfABrokenTableThenUploadsAGoodOneSimulatesAndItIsPublished() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 900));
        byte[] shipped = Files.readAllBytes(Path.of("../decision-tables/monitoring.xlsx"));
        Path broken = Files.createTempDirectory("broken").resolve("monitoring.xlsx");
        Files.write(broken, edit(shipped, "监测对象纳入", 5, 3, "CONDITON"));
        Path good = Files.createTempDirectory("good").resolve("monitoring.xlsx");
        Files.write(good, edit(shipped, "说明", 3, 1, "依据：国开发〔2020〕6号；中农组发〔2021〕7号（浏览器测试修订）"));
        login("zhengce");
        assertThat(browser.getCurrentUrl()).endsWith("/policy");
        upload(broken, "表头写错");
        assertThat(browser.findElement(By.id("version-status")).getText()).isEqualTo("校验未通过");
        String errors = browser.findElement(By.id("validation-errors")).getText();
        assertThat(errors).contains("monitoring.xlsx", "监测对象纳入", "D6", "CONDITON");
        shot("policy-1-rejected");
        browser.get(url("/policy"));
        upload(good, "修订依据");
        assertThat(browser.findElement(By.id("version-status")).getText()).isEqualTo("草稿");
        String version = browser.getCurrentUrl().replaceAll(".*/policy/versions/", "");
        browser.findElement(By.id("simulate")).click();
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> d.getCurrentUrl().endsWith("/simulate"));
        assertThat(browser.findElement(By.id("simulation-summary")).getText()).contains("3,389");
        waitForCharts(1);
        shot("policy-2-simulation");
        logout();
        login("shenhe");
        browser.get(url("/policy/versions/" + version));
        browser.findElement(By.id("approve")).click();
        awaitNotice("已审核通过");
        assertThat(browser.findElement(By.id("version-status")).getText()).isEqualTo("已审核");
        browser.findElement(By.id("publish")).click();
        awaitNotice("已发布，正在重新评估全部农户");
        assertThat(browser.findElement(By.id("version-status")).getText()).isEqualTo("已发布");
        shot("policy-3-published");
        logout();
    }

    @Test
    void aLeadersDashboardDrawsItsChartsWithData() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        login("lingdao");
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard");
        waitForCharts(4);
        for (String id : List.of("chart-village", "chart-category", "chart-risk", "chart-trend")) {
            WebElement chart = browser.findElement(By.id(id));
            assertThat(chart.findElements(By.tagName("svg"))).as(id).isNotEmpty();
            assertThat(chart.getAttribute("data-chart")).as(id).containsPattern("\\d");
        }
        assertChartLabelsWhole(List.of("chart-village", "chart-category", "chart-risk", "chart-trend"));
        assertThat(browser.findElement(By.id("chart-category")).getAttribute("data-chart"))
                .contains("脱贫不稳定户", "16", "边缘易致贫户", "14");
        assertThat(Integer.parseInt(browser.findElement(By.cssSelector("#tile-open strong")).getText())).isPositive();
        shot("leader-1-dashboard");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        waitForCharts(4);
        assertChartLabelsWhole(List.of("chart-village", "chart-category", "chart-risk", "chart-trend"));
        shot("leader-1-dashboard-phone");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.navigate().refresh();
        waitForCharts(4);
        assertChartLabelsWhole(List.of("chart-village", "chart-category", "chart-risk", "chart-trend"));
        browser.get(url("/reports/township"));
        assertThat(browser.findElement(By.id("figure-registered")).getText()).contains("776", "3,189");
        shot("leader-2-report");
        logout();
    }

    @Test
    void anOfficerOnAPhoneRecordsAHouseholdsFactsGroupByGroupAndSeesWhatIsStillMissing() throws Exception {
        long household = jdbc.sql("SELECT MIN(id) FROM registry_household WHERE household_class = 'GENERAL' "
                + "AND status = 'ACTIVE'").query(Long.class).single();
        // a household recorded before the survey existed: none of the facts beyond the basics
        jdbc.sql("UPDATE registry_household SET facts = NULL WHERE id = ?").param(household).update();
        browser.manage().window().setSize(new Dimension(390, 844));
        login("xiangxinxiyuan");
        browser.get(url("/households/" + household));
        browser.findElement(By.id("survey-link")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/survey"));
        assertThat(browser.findElement(By.id("missing")).getText()).contains("享受型车辆价值", "经营企业");
        shot("survey-1-missing");

        WebElement form = browser.findElement(By.id("form-EXCLUSION"));
        form.findElement(By.name("f.awayMonths")).sendKeys("700");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("survey-error")).isEmpty());
        assertThat(browser.findElement(By.id("survey-error")).getText()).contains("全家外出月数", "0 至 600");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registry_household WHERE id = ? AND facts IS NULL").param(household)
                .query(Long.class).single()).isEqualTo(1);
        shot("survey-2-refused");

        form = browser.findElement(By.id("form-EXCLUSION"));
        WebElement away = form.findElement(By.name("f.awayMonths"));
        away.clear();
        away.sendKeys("18");
        form.findElement(By.name("f.vehicleValue")).sendKeys("30000");
        new Select(form.findElement(By.name("f.runsEnterprise"))).selectByValue("false");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        awaitNotice("已保存，正在重新评估");
        assertThat(browser.findElement(By.id("missing")).getText()).doesNotContain("享受型车辆价值", "经营企业");
        assertThat(jdbc.sql("SELECT facts FROM registry_household WHERE id = ?").param(household).query(String.class)
                .single()).contains("\"vehicleValue\":\"30000\"", "\"awayMonths\":\"18\"");
        shot("survey-3-saved");
        logout();
    }

    @Test
    void aPolicyOfficerSeesEachPublishedRowsHitsAndTheHouseholdsLackingItsFacts() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 900));
        login("zhengce");
        browser.get(url("/policy"));
        browser.findElement(By.id("rules-link")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/policy/rules"));
        WebElement unstable = browser.findElement(By.id("rule-M-1"));
        assertThat(Long.parseLong(unstable.findElement(By.className("hits")).getText())).isGreaterThan(0);
        assertThat(browser.findElement(By.id("rule-ID-EX4a")).getText()).contains("享受型车辆价值");
        assertThat(browser.findElements(By.cssSelector("tr[id^=rule-]"))).hasSizeGreaterThan(80);
        shot("policy-4-rules");
        logout();
    }

    @Test
    void anAdministratorCreatesAnIntegrationAccountIssuesItsKeyOnceRevokesItAndFindsItInTheAudit() throws Exception {
        TestAccounts.ensure(jdbc, "t-admin", "ADMIN", null, null, null);
        browser.manage().window().setSize(new Dimension(1366, 900));
        chromium.login("t-admin", TestAccounts.PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/admin");
        assertThat(browser.findElement(By.id("account-lingdao")).getText()).contains("乡镇领导");
        WebElement form = browser.findElement(By.id("new-account"));
        form.findElement(By.name("username")).sendKeys("county-dashboard");
        form.findElement(By.name("displayName")).sendKeys("县级大屏");
        form.findElement(By.name("password")).sendKeys("dashboard-password-1");
        new Select(form.findElement(By.name("role"))).selectByVisibleText("乡镇领导");
        shot("admin-1-accounts");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        awaitNotice("账号已创建");

        WebElement issue = browser.findElement(By.id("issue-key"));
        issue.findElement(By.name("name")).sendKeys("大屏读取报表");
        issue.findElement(By.cssSelector("button[type=submit]")).click();
        awaitNotice("API 密钥已发放");
        String key = browser.findElement(By.cssSelector("#issued-key code")).getText();
        assertThat(key).startsWith("sd_");
        shot("admin-2-key-issued");
        RestClient dashboard = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("X-Api-Key", key).build();
        assertThat(status(dashboard, "/api/reports/township")).isEqualTo(200);
        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("issued-key"))).as("a key is shown once").isEmpty();

        browser.findElement(By.cssSelector("#keys button.danger")).click();
        awaitNotice("API 密钥已吊销");
        assertThat(browser.findElement(By.id("keys")).getText()).contains("已吊销");
        assertThat(status(dashboard, "/api/reports/township")).isEqualTo(401);

        browser.get(url("/admin/audit?username=t-admin&action=ACCOUNT&verify=true"));
        assertThat(browser.findElement(By.id("audit")).getText()).contains("账号与密钥", "REVOKED", "ISSUED");
        assertThat(browser.findElement(By.id("verification")).getText()).contains("哈希链完好");
        shot("admin-3-audit");
        logout();
    }

    @Test
    void anOfficerRecordsABirthAndADeathAndCorrectsAMemberOnTheHouseholdPage() throws Exception {
        long household = jdbc.sql("SELECT MAX(id) FROM registry_household WHERE household_class = 'EXITED' "
                + "AND status = 'ACTIVE'").query(Long.class).single();
        int before = members(household);
        String spouse = jdbc.sql("SELECT MIN(name) FROM registry_member WHERE household_id = ? AND relation <> '户主'")
                .param(household).query(String.class).single();
        browser.manage().window().setSize(new Dimension(1280, 900));
        login("xiangxinxiyuan");
        browser.get(url("/households/" + household));

        WebElement event = browser.findElement(By.id("member-event"));
        new Select(event.findElement(By.name("type"))).selectByValue("BIRTH");
        event.findElement(By.name("name")).sendKeys("冉小禾");
        new Select(event.findElement(By.name("sex"))).selectByValue("女");
        setDate(event.findElement(By.name("birthDate")), LocalDate.now().minusDays(20));
        event.findElement(By.name("relation")).sendKeys("孙女");
        shot("household-1-birth");
        event.findElement(By.cssSelector("button[type=submit]")).click();
        awaitNotice("成员变动已登记，正在重新评估");
        assertThat(members(household)).isEqualTo(before + 1);
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("冉小禾", "孙女");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registry_member_event WHERE household_id = ? AND type = 'BIRTH'")
                .param(household).query(Long.class).single()).isPositive();

        event = browser.findElement(By.id("member-event"));
        new Select(event.findElement(By.name("type"))).selectByValue("DEATH");
        new Select(event.findElement(By.name("leaver"))).selectByValue("冉小禾");
        event.findElement(By.cssSelector("button[type=submit]")).click();
        awaitNotice("成员变动已登记，正在重新评估");
        assertThat(members(household)).isEqualTo(before);

        int index = jdbc.sql("SELECT position FROM registry_member WHERE household_id = ? AND name = ?")
                .params(household, spouse).query(Integer.class).single();
        WebElement member = browser.findElement(By.id("member-" + index));
        member.findElement(By.tagName("summary")).click();
        new Select(member.findElement(By.name("schooling"))).selectByValue("已毕业");
        member.findElement(By.cssSelector("button[type=submit]")).click();
        awaitNotice("成员信息已保存，正在重新评估");
        assertThat(jdbc.sql("SELECT schooling FROM registry_member WHERE household_id = ? AND name = ?")
                .params(household, spouse).query(String.class).single()).isEqualTo("已毕业");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registry_member WHERE household_id = ? AND id_number LIKE '%*%'")
                .param(household).query(Long.class).single()).as("masked numbers sent back keep the stored ones")
                .isZero();
        shot("household-2-member-saved");
        logout();
    }

    private int members(long household) {
        return jdbc.sql("SELECT COUNT(*) FROM registry_member WHERE household_id = ?").param(household)
                .query(Integer.class).single();
    }

    private void setDate(WebElement input, LocalDate date) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, date.toString());
    }

    private static int status(RestClient client, String path) {
        return client.get().uri(path).exchange((rq, rs) -> rs.getStatusCode().value());
    }

    private void awaitNotice(String text) {
        chromium.awaitNotice(text);
    }

    private void login(String user) {
        chromium.login(user, PASSWORD);
    }

    private void logout() {
        chromium.logout();
    }

    private void upload(Path file, String comment) {
        browser.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.name("comment")).sendKeys(comment);
        browser.findElement(By.id("upload")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("/policy/versions/"));
    }

    private void waitForCharts(int count) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class).until(d ->
                d.findElements(By.cssSelector("[data-rendered=true] svg")).size() >= count);
    }

    /**
     * Every text of each chart (axis labels, pie labels, legends) lies wholly inside its chart and none is cut short
     * with an ellipsis: the ",200" of a clipped "1,200" and a pie's "边缘…" fail here.
     */
    private void assertChartLabelsWhole(List<String> ids) {
        for (String id : ids) {
            @SuppressWarnings("unchecked")
            List<Object> outside = (List<Object>) ((JavascriptExecutor) browser).executeScript(
                    "var box = document.getElementById(arguments[0]).getBoundingClientRect(); var out = [];"
                            + "document.querySelectorAll('#' + arguments[0] + ' svg text').forEach(function (t) {"
                            + "  var r = t.getBoundingClientRect(); var s = t.textContent;"
                            + "  if (s.trim() && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1"
                            + "      || r.bottom > box.bottom + 1 || s.indexOf('…') >= 0 || s.indexOf('...') >= 0)) {"
                            + "    out.push(s + ' @' + Math.round(r.left - box.left) + ',' + Math.round(r.right - box.right));"
                            + "  }"
                            + "}); return out;", id);
            Long texts = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return document.querySelectorAll('#' + arguments[0] + ' svg text').length;", id);
            assertThat(texts).as(id + " has labels").isPositive();
            assertThat(outside).as(id + " labels cut or outside the chart at width "
                    + browser.manage().window().getSize().width).isEmpty();
        }
    }

    private void shot(String name) throws Exception {
        chromium.shot(name);
    }

    private String url(String path) {
        return chromium.url(path);
    }

    private static byte[] edit(byte[] xlsx, String sheet, int row, int column, String value) throws Exception {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var r = wb.getSheet(sheet).getRow(row);
            var c = r.getCell(column) == null ? r.createCell(column) : r.getCell(column);
            c.setCellValue(value);
            wb.write(out);
            return out.toByteArray();
        }
    }
}
