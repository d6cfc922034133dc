package org.zhurnal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The browser UI in a real Chromium against the real distribution started as an operator starts it
 * (bin/karaf server, demo data on).
 */
class BrowserIT {
    private static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final File CHROMIUM = new File("/usr/lib/chromium/chromium");

    private static RunningDistribution zhurnal;
    private static WebDriver driver;

    @BeforeAll
    static void start() throws Exception {
        boolean available = DRIVER.canExecute() && CHROMIUM.canExecute();
        if (!available && Boolean.getBoolean("zhurnal.requireBrowser")) {
            throw new IllegalStateException("Browser tests are required but chromium/chromium-driver are not installed");
        }
        Assumptions.assumeTrue(available, "chromium + chromium-driver not installed: browser tests skipped");
        zhurnal = RunningDistribution.start("browser-karaf", Integer.getInteger("zhurnal.itest.browserHttp", 8383), Integer.getInteger("zhurnal.itest.browserSsh", 8113), true);
        // Let the demo school finish loading first, so every test sees the same, settled system.
        Path creds = zhurnal.home.resolve("data/demo-credentials.txt");
        long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!Files.exists(creds) && System.nanoTime() < until) {
            Thread.sleep(500);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory("zhurnal-chrome"));
        driver = new ChromeDriver(service, o);
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (zhurnal != null) {
            zhurnal.close();
        }
    }

    @BeforeEach
    void freshPage() {
        driver.manage().deleteAllCookies();
        driver.get(zhurnal.baseUrl() + "/");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("localStorage.clear()");
        driver.get(zhurnal.baseUrl() + "/");
    }

    private static WebElement visible(String id) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private static void waitText(String id, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Paths.get("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static void signIn(String login, String password) {
        visible("login").clear();
        driver.findElement(By.id("login")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    @Test
    void theLoginPageRendersInRussianAndSwitchesToEnglish() throws Exception {
        WebElement title = visible("login-view").findElement(By.tagName("h1"));
        assertEquals("Вход в систему", title.getText());
        assertEquals("ru", driver.findElement(By.tagName("html")).getAttribute("lang"));
        screenshot("login-ru");
        driver.findElement(By.cssSelector("button.lang[data-lang='en']")).click();
        assertEquals("Sign in", driver.findElement(By.cssSelector("#login-view h1")).getText());
        driver.navigate().refresh();
        assertEquals("Sign in", visible("login-view").findElement(By.tagName("h1")).getText(), "the choice is remembered");
        driver.findElement(By.cssSelector("button.lang[data-lang='ru']")).click();
        assertEquals("Вход в систему", driver.findElement(By.cssSelector("#login-view h1")).getText());
    }

    @Test
    void aWrongPasswordShowsAnErrorAndNoShell() {
        signIn("admin", "definitely-wrong");
        waitText("login-error", "Неверный логин или пароль");
        assertTrue(driver.findElement(By.id("shell-view")).getAttribute("hidden") != null);
    }

    @Test
    void theAdministratorSignsInSeesTheShellAndSignsOut() throws Exception {
        signIn("admin", KarafOptions.ADMIN_PASSWORD);
        waitText("welcome", "Здравствуйте, Администратор системы!");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("modules")).getText().contains("org.zhurnal.core.impl"));
        screenshot("shell-admin");
        // The session cookie is not readable by scripts.
        Object cookies = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.cookie");
        assertTrue(!String.valueOf(cookies).contains("ZHURNAL_SESSION"), "session cookie must be HttpOnly");
        driver.findElement(By.id("logout")).click();
        visible("login-view");
        driver.navigate().refresh();
        visible("login-view");
    }

    @Test
    void modulePagesJoinTheMenuAndTheAuditPageVerifiesTheChain() throws Exception {
        signIn("admin", KarafOptions.ADMIN_PASSWORD);
        waitText("menu", "Журнал аудита");
        driver.findElement(By.linkText("Журнал аудита")).click();
        WebElement frame = visible("page");
        driver.switchTo().frame(frame);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> !d.findElements(By.cssSelector("#rows tr")).isEmpty());
            driver.findElement(By.id("entityType")).sendKeys("session");
            driver.findElement(By.cssSelector("#filter button[type=submit]")).click();
            // On Derby, readers wait while the demo import's transaction holds its row locks: allow for it.
            new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> d.findElement(By.id("rows")).getText().contains("admin"));
            driver.findElement(By.id("verify")).click();
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Целостность подтверждена"));
            screenshot("audit-page");
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    @Test
    void theClassCardShowsStudentsAndGuardiansAndTheImportPageListsEveryError() throws Exception {
        signIn("admin", KarafOptions.ADMIN_PASSWORD);
        waitText("menu", "Классы и ученики");
        driver.findElement(By.linkText("Классы и ученики")).click();
        driver.switchTo().frame(visible("page"));
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.linkText("5А")).isEmpty());
            assertEquals(33, driver.findElements(By.cssSelector("#classes a[data-class-id]")).size());
            driver.findElement(By.linkText("5А")).click();
            waitText("card-title", "5А");
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("#students tr")).size() >= 20);
            String students = driver.findElement(By.id("students")).getText();
            assertTrue(students.contains("(мать)") || students.contains("(отец)"), students);
            screenshot("class-card");
        } finally {
            driver.switchTo().defaultContent();
        }
        driver.findElement(By.linkText("Импорт списков")).click();
        driver.switchTo().frame(visible("page"));
        try {
            Path bad = Files.createTempFile("bad", ".csv");
            Files.writeString(bad, "Код;Фамилия;Имя;Отчество;Дата рождения;Пол;Класс\nZ1;Петров;Пётр;;31.02.2015;М;5А\nZ2;;Анна;;01.01.2015;Ж;15Ж\n");
            visible("file").sendKeys(bad.toAbsolutePath().toString());
            driver.findElement(By.id("import")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("#errors li")).size() >= 3);
            String errors = driver.findElement(By.id("errors")).getText();
            assertTrue(errors.contains(":2:Дата рождения"), errors);
            assertTrue(errors.contains(":3:Класс"), errors);
            screenshot("import-errors");
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    @Test
    void aTemporaryPasswordIsReplacedAtFirstSignIn() throws Exception {
        Http http = zhurnal.http();
        String admin = http.login("admin", KarafOptions.ADMIN_PASSWORD);
        String login = "ui" + UUID.randomUUID().toString().substring(0, 6);
        Http.Answer created = http.post("/api/v1/accounts", "{\"login\":\"" + login + "\",\"displayName\":\"Новикова Анна Игоревна\","
                + "\"grants\":[{\"role\":\"SYSTEM_ADMIN\",\"scope\":{\"type\":\"SYSTEM\",\"id\":\"system\"}}]}", admin);
        assertEquals(201, created.status(), created.body());
        String temporary = created.json().get("temporaryPassword").asText();
        signIn(login, temporary);
        visible("password-view");
        assertTrue(driver.findElement(By.id("password-hint")).getText().contains("временный"));
        driver.findElement(By.id("current-password")).sendKeys(temporary);
        driver.findElement(By.id("new-password")).sendKeys("Anna-Novikova-2026");
        driver.findElement(By.id("new-password2")).sendKeys("Anna-Novikova-2026");
        driver.findElement(By.cssSelector("#password-form button[type=submit]")).click();
        waitText("welcome", "Здравствуйте, Новикова Анна Игоревна!");
        assertEquals(200, http.post("/api/v1/auth/login", "{\"login\":\"" + login + "\",\"password\":\"Anna-Novikova-2026\"}",
                Map.of()).status());
    }

    @Test
    void theDemoSchoolIsLoadedAtStart() throws Exception {
        Http http = zhurnal.http();
        String admin = http.login("admin", KarafOptions.ADMIN_PASSWORD);
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode schools;
        do {
            schools = http.get("/api/v1/schools", admin).json();
            if (schools.toString().contains("Школа № 7")) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < end);
        assertTrue(schools.toString().contains("Школа № 7"), schools.toString());
        Path creds = zhurnal.home.resolve("data/demo-credentials.txt");
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!Files.exists(creds) && System.nanoTime() < until) {
            Thread.sleep(500);
        }
        assertTrue(Files.exists(creds), "the demo loader wrote no credentials");
        String line = Files.readAllLines(creds).stream().filter(l -> l.startsWith("zavuch\t")).findFirst().orElseThrow();
        signIn("zavuch", line.split("\t")[1]);
        waitText("welcome", "Смирнова Ольга Викторовна");
    }
}
