package cn.shoudi.web;

import cn.shoudi.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI in a real browser under the contract's Content-Security-Policy: an anonymous visitor is sent to the login
 * page and back, and the page then shows every feature's tag from the OpenAPI document. Screenshot
 * {@code swagger-ui.png} in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "shoudi.demo.enabled=false")
class SwaggerUiBrowserIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSignedInPersonReadsTheContractInSwaggerUi() throws Exception {
        String user = TestAccounts.ensure(jdbc, "t-swagger", "POLICY", null, null, null);
        try (Chromium chromium = Chromium.start(port)) {
            chromium.driver().get(chromium.url("/swagger-ui.html"));
            assertThat(chromium.driver().getCurrentUrl()).contains("/login");
            chromium.login(user, TestAccounts.PASSWORD);
            List<String> tags = new WebDriverWait(chromium.driver(), Duration.ofSeconds(30)).until(d -> {
                List<String> shown = d.findElements(By.cssSelector(".opblock-tag")).stream()
                        .map(WebElement::getText).toList();
                return shown.size() >= 8 ? shown : null;
            });
            assertThat(chromium.driver().getCurrentUrl()).contains("/swagger-ui/");
            assertThat(String.join(" ", tags)).contains("户籍", "部门信号", "评估", "监测任务", "政策", "程序", "报表", "管理");
            chromium.shot("swagger-ui");
        }
    }
}
