package cn.shoudi.web;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven by /usr/bin/chromedriver (nothing is downloaded), with the steps the browser tests
 * share: sign in and out through the pages, wait for a page's notice, keep a screenshot in {@code target/screenshots/}.
 */
final class Chromium implements AutoCloseable {

    static final Path SHOTS = Path.of("target/screenshots");

    private final WebDriver driver;
    private final int port;

    private Chromium(WebDriver driver, int port) {
        this.driver = driver;
        this.port = port;
    }

    /**
     * Starts the browser for the application on this port. Under CI a missing browser is a failure, never a skip;
     * elsewhere the test is skipped.
     */
    static Chromium start(int port) throws Exception {
        boolean installed = new File("/usr/bin/chromedriver").canExecute() && new File("/usr/bin/chromium").canExecute();
        assertThat(installed || System.getenv("CI") == null)
                .as("Debian chromium and chromium-driver must be installed under CI").isTrue();
        assumeTrue(installed, "Debian chromium and chromium-driver are not installed");
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return new Chromium(driver, port);
    }

    WebDriver driver() {
        return driver;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void login(String user, String password) {
        driver.get(url("/login"));
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    void logout() {
        driver.findElement(By.cssSelector("form.logout button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/login"));
    }

    /** Waits until the page shows a notice with exactly this text. */
    void awaitNotice(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.className("notice")).stream().anyMatch(e -> e.getText().equals(text)));
    }

    void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
