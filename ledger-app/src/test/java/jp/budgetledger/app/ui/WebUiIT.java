package jp.budgetledger.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.TestUsers;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.command.Requester;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.DraftId;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.TransferId;
import jp.budgetledger.core.document.BundledSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The web pages in a real browser: Debian's headless Chromium driven by Selenium through
 * chromedriver ({@code src/test/browser/provision.sh} installs both when missing, before the integration tests), at 1366x768, logged in through the
 * login form as an officer who also audits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiIT extends LedgerIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String SAMPLE = new String(BundledSamples.bytes(BundledSamples.SMART_MUNICIPALITY), StandardCharsets.UTF_8);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerCommands commands;
    WebDriver browser;
    Api api;
    Path profile;

    @BeforeAll
    void openBrowser() throws Exception {
        assertThat(new File(CHROMIUM)).as("Chromium is installed (mvn verify runs src/test/browser/provision.sh: apt-get install chromium chromium-driver)").exists();
        assertThat(new File(CHROMEDRIVER)).as("chromedriver is installed").exists();
        profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1366,768", "--lang=en-US", "--accept-lang=en-US", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().withEnvironment(Map.of("TZ", "UTC")).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        api = new Api(port);
        browser.get(url("/login.html"));
        browser.findElement(By.id("username")).sendKeys("tanaka");
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        waitUntilReady();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits for a condition; an element that a page being left still had is looked up again on the next page. */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private void open(String path) {
        browser.get(url(path));
        waitUntilReady();
    }

    private void waitUntilReady() {
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private void waitForText(String id, String expected) {
        waiting().until(d -> expected.equals(d.findElement(By.id(id)).getText().strip()));
    }

    private void set(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    /** Picks a line as an officer does: types part of its name into the picker's search box and chooses it from the list. */
    private void pick(String selectId, String name) {
        WebElement filter = browser.findElement(By.id(selectId + "-filter"));
        filter.clear();
        filter.sendKeys(name);
        waiting().until(d -> new Select(d.findElement(By.id(selectId))).getOptions().stream().anyMatch(o -> o.getText().contains(name)));
        new Select(browser.findElement(By.id(selectId))).getOptions().stream().filter(o -> o.getText().contains(name)).findFirst()
                .orElseThrow().click();
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private long lastPosition() {
        return jdbc.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
    }

    private long importSample(int fiscalYear, String text) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/imports?fiscalYear=" + fiscalYear)))
                .header("Content-Type", "text/plain")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("tanaka:" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("position").asLong();
    }

    /** Logs out and in again as {@code user}. */
    private void signIn(String user) {
        browser.findElement(By.id("logout")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/login.html"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        waitUntilReady();
    }

    @Test
    void anApproverSeesAnOfficersDraftByItsLinesNamesAndApprovingItMovesTheMoney() {
        Api.Response from = api.post("/api/initiatives", line(2196, "1", "分類", "総務部", "流用元の事業", 1_000_000));
        Api.Response to = api.post("/api/initiatives", line(2196, "1", "分類", "総務部", "流用先の事業", 500_000));
        DraftId draft = commands.draft(new TransferFunds(TransferId.generate(), InitiativeId.of(from.text("id")), InitiativeId.of(to.text("id")),
                Money.ofYen(300_000), new ChangeContext(null, "起案した流用", "起案第9号")), Requester.system("suzuki")).result();
        open("/lines.html");
        signIn("approver");
        try {
            open("/approvals.html");
            waiting().until(d -> !d.findElements(By.id("approve-" + draft.value())).isEmpty());
            String row = browser.findElement(By.id("draft-" + draft.value())).getText();
            assertThat(row).contains("流用", "suzuki", "流用元の事業 → 流用先の事業", "300,000", "起案した流用", "承認待ち");
            browser.findElement(By.id("approve-" + draft.value())).click();
            waiting().until(d -> d.findElement(By.cssSelector("#decide .notice")).getText().contains("承認しました"));
            assertThat(browser.findElements(By.id("draft-" + draft.value()))).as("no longer pending").isEmpty();
            assertThat(api.get("/api/initiatives/" + from.text("id")).number("amountYen")).isEqualTo(700_000);
            assertThat(api.get("/api/initiatives/" + to.text("id")).number("amountYen")).isEqualTo(800_000);
        } finally {
            signIn("tanaka");
        }
    }

    /** What the page's session fetches at {@code href}: the status, the media type and the body's first five characters. */
    private Object fetched(String href) {
        return ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(async r => done(r.status + ' ' + r.headers.get('content-type').split(';')[0] + ' '"
                + " + new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5)))).catch(e => done(String(e)));", href);
    }

    @Test
    void theDashboardShowsTheSampleTotalInThousandYenAndItsCharts() throws Exception {
        open("/?fiscalYear=2020");
        waitForText("total", "312,451");
        assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("16");
        assertThat(browser.findElements(By.cssSelector("#departments tbody tr"))).hasSize(9);
        assertThat(browser.findElement(By.cssSelector("#categories tbody")).getText()).contains("210,321").contains("37,786");
        assertThat(browser.findElement(By.id("export-xlsx")).getDomAttribute("href")).contains("format=xlsx");
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        Files.write(screenshots.resolve("dashboard.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.findElement(By.id("lang")).click();
        waitUntilReady();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Budget dashboard");
        browser.findElement(By.id("lang")).click();
        waitUntilReady();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("予算ダッシュボード");
    }

    @Test
    void choosingAnEffectiveDateBeforeAnAmendmentShowsTheOldTotal() throws Exception {
        long imported = importSample(2097, SAMPLE);
        String id = api.get("/api/initiatives?fiscalYear=2097&categoryCode=4&minPosition=" + imported).body().get(0).get("id").asText();
        long amended = api.post("/api/initiatives/" + id + "/amendments",
                "{\"deltaYen\": 1000000, \"effectiveDate\": \"2097-10-01\", \"reason\": \"10月補正\"}").number("position");
        api.get("/api/totals?fiscalYear=2097&minPosition=" + amended);
        open("/?fiscalYear=2097");
        waitForText("total", "313,451");
        set("effectiveOn", "2097-09-30");
        browser.findElement(By.id("show")).click();
        waitForText("total", "312,451");
        assertThat(browser.findElement(By.id("moment")).getText()).contains("2097年9月30日");
    }

    @Test
    void anAmendmentWithoutAReasonShowsTheErrorNextToTheFieldAndRecordsNothing() {
        Api.Response added = api.post("/api/initiatives", line(2098, "1", "分類", "総務部", "画面から変更", 1_000_000));
        api.get("/api/initiatives/" + added.text("id") + "?minPosition=" + added.number("position"));
        open("/line.html?id=" + added.text("id"));
        long before = events();
        WebElement amount = browser.findElement(By.id("amend-amount"));
        amount.sendKeys("500000");
        browser.findElement(By.id("amend-submit")).click();
        waiting().until(d -> !d.findElement(By.id("amend-reason-error")).getText().isBlank());
        assertThat(browser.findElement(By.id("amend-reason-error")).getText()).contains("must not be blank");
        assertThat(browser.findElement(By.id("amend-reason")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(events()).isEqualTo(before);
        assertThat(browser.findElement(By.id("line-amount")).getText()).startsWith("1,000");
    }

    @Test
    void theOfficersFormsStartOnTodaysFiscalYearInJapanTimeAndStillOfferTheSamplesYear() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        String current = Integer.toString(today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1);
        open("/officer.html");
        assertThat(browser.findElement(By.id("add-fiscalYear")).getDomProperty("value")).isEqualTo(current);
        assertThat(browser.findElement(By.id("import-fiscalYear")).getDomProperty("value")).isEqualTo(current);
        for (String id : List.of("transfer-fiscalYear", "reserve-fiscalYear", "budget-fiscalYear")) {
            Select year = new Select(browser.findElement(By.id(id)));
            assertThat(year.getFirstSelectedOption().getDomAttribute("value")).as(id).isEqualTo(current);
            assertThat(year.getOptions()).as(id).anyMatch(o -> "2020".equals(o.getDomAttribute("value")));
        }
        open("/provisions.html");
        assertThat(new Select(browser.findElement(By.id("fiscalYear"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo(current);
    }

    @Test
    void theImportPreviewShowsAWrongSubtotalAndRecordsNothing() throws Exception {
        Path wrong = Files.createTempFile("betsu3-wrong-", ".txt");
        Files.writeString(wrong, SAMPLE.replace("小計\t\t210,321", "小計\t\t210,999"));
        open("/officer.html");
        long before = events();
        set("import-fiscalYear", "2099");
        browser.findElement(By.id("import-file")).sendKeys(wrong.toAbsolutePath().toString());
        browser.findElement(By.id("import-preview")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("#preview-checks tr.mismatch")).isEmpty());
        WebElement mismatch = browser.findElement(By.cssSelector("#preview-checks tr.mismatch"));
        assertThat(mismatch.getText()).contains("46").contains("210,999").contains("210,321");
        assertThat(browser.findElement(By.id("import-commit")).isEnabled()).isFalse();
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theReserveFundFormRefusesAUseBeyondTheBalanceNextToTheAmountAndRecordsAUseWithin() {
        String line = """
                {"fiscalYear": 2096, "department": "財政課", "name": "%s", "amountYen": %d, "reason": "当初予算", "accountCode": "1",
                 "accountName": "一般会計", "side": "expenditure", "subject": {"kan": {"code": "%s", "name": "%s"},
                 "kou": {"code": "1", "name": "%s"}, "moku": {"code": "1", "name": "%s"}}}""";
        String reserve = api.post("/api/initiatives", line.formatted("予備費", 1_000, "14", "予備費", "予備費", "予備費")).text("id");
        Api.Response target = api.post("/api/initiatives", line.formatted("災害対策", 0, "2", "総務費", "総務管理費", "一般管理費"));
        api.get("/api/initiatives/" + target.text("id") + "?minPosition=" + target.number("position"));
        open("/officer.html");
        new Select(browser.findElement(By.id("reserve-fiscalYear"))).selectByValue("2096");
        pick("reserve-fromId", "予備費");
        pick("reserve-toId", "災害対策");
        set("reserve-amountYen", "1001");
        set("reserve-reason", "台風被害");
        long before = events();
        browser.findElement(By.cssSelector("#reserve button[type=submit]")).click();
        By amountError = By.cssSelector("#reserve [data-error-for=amountYen]");
        waiting().until(d -> !d.findElement(amountError).getText().isBlank());
        assertThat(browser.findElement(amountError).getText()).contains("予備費");
        assertThat(events()).isEqualTo(before);

        set("reserve-amountYen", "400");
        browser.findElement(By.cssSelector("#reserve button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.cssSelector("#reserve .notice")).getText().contains("rf-"));
        assertThat(events()).as("both lines' amendments and the use").isEqualTo(before + 3);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype = ?").param("jp.budgetledger.core.api.ReserveFundUsed")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anOfficerCarriesALinePickedByNameWithTheFundingSummedAsTypedAndTheStatementPageShowsIt() {
        Api.Response added = api.post("/api/initiatives", """
                {"fiscalYear": 2057, "department": "建設課", "name": "排水路整備", "amountYen": 2000000, "reason": "当初予算", "accountCode": "1",
                 "accountName": "一般会計", "side": "expenditure", "subject": {"kan": {"code": "8", "name": "土木費"},
                 "kou": {"code": "5", "name": "都市計画費"}, "moku": {"code": "3", "name": "下水道費"}}}""");
        Api.Response limit = api.put("/api/initiatives/" + added.text("id") + "/carryover-limit", "{\"limitYen\": 1500000, \"reason\": \"第2表\"}");
        api.get("/api/initiatives/" + added.text("id") + "?minPosition=" + limit.number("position"));
        open("/officer.html");
        waiting().until(d -> new Select(d.findElement(By.id("carryover-fiscalYear"))).getOptions().stream()
                .anyMatch(o -> "2057".equals(o.getDomAttribute("value"))));
        new Select(browser.findElement(By.id("carryover-fiscalYear"))).selectByValue("2057");
        pick("carryover-fromId", "排水路整備");
        browser.findElement(By.id("carryover-amountYen")).sendKeys("1,200,000");
        browser.findElement(By.id("carryover-bondsYen")).sendKeys("1000000");
        waiting().until(d -> d.findElement(By.id("carryover-sum")).getText().contains("200,000 円"));
        set("carryover-reason", "工期の延長");
        long before = events();
        browser.findElement(By.cssSelector("#carryover button[type=submit]")).click();
        By fundingError = By.cssSelector("#carryover [data-error-for=funding]");
        waiting().until(d -> !d.findElement(fundingError).getText().isBlank());
        assertThat(events()).isEqualTo(before);

        browser.findElement(By.id("carryover-generalYen")).sendKeys("200000");
        waiting().until(d -> d.findElement(By.id("carryover-sum")).getText().contains("：0 円"));
        browser.findElement(By.cssSelector("#carryover button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.cssSelector("#carryover .notice")).getText().contains("4月1日"));
        assertThat(events()).as("the carry on the line and the next year's line").isEqualTo(before + 2);

        By explicit = By.cssSelector("table.statement[data-kind=explicit]");
        waiting().until(d -> {
            open("/carryovers.html?fiscalYear=2057");
            return d.findElement(explicit).getText().contains("排水路整備");
        });
        WebElement statement = browser.findElement(explicit);
        assertThat(statement.getText()).contains("排水路整備").contains("1,200").contains("1,500").contains("工期の延長");
        assertThat(browser.findElement(By.id("limits")).getText()).contains("排水路整備").contains("当初");
        assertThat(browser.findElement(By.id("statements-csv")).getDomAttribute("href")).contains("format=csv");
    }

    private static String classified(int fiscalYear, String side, String kan, String kou, String moku, String department, String name,
                                     long amountYen) {
        return """
                {"fiscalYear": %d, "department": "%s", "name": "%s", "amountYen": %d, "reason": "当初予算", "partOfSet": true,
                 "accountCode": "1", "accountName": "一般会計", "side": "%s", "subject": {"kan": %s, "kou": %s, "moku": %s}}"""
                .formatted(fiscalYear, department, name, amountYen, side, level(kan), level(kou), level(moku));
    }

    private static String level(String codeAndName) {
        String[] parts = codeAndName.split(" ", 2);
        return "{\"code\": \"" + parts[0] + "\", \"name\": \"" + parts[1] + "\"}";
    }

    private void newLine(int row, String side, String kan, String kou, String moku, String department, String name, String amount) {
        browser.findElement(By.id("budget-add-line")).click();
        browser.findElement(By.id("budget-new-account-" + row)).sendKeys("1 一般会計");
        new Select(browser.findElement(By.id("budget-new-side-" + row))).selectByValue(side);
        browser.findElement(By.id("budget-new-kan-" + row)).sendKeys(kan);
        browser.findElement(By.id("budget-new-kou-" + row)).sendKeys(kou);
        browser.findElement(By.id("budget-new-moku-" + row)).sendKeys(moku);
        browser.findElement(By.id("budget-new-department-" + row)).sendKeys(department);
        browser.findElement(By.id("budget-new-name-" + row)).sendKeys(name);
        browser.findElement(By.id("budget-new-amount-" + row)).sendKeys(amount);
    }

    @Test
    void anOfficerAddsALineWithItsAccountAndSubjectFromTheForm() {
        open("/officer.html");
        set("add-fiscalYear", "2198");
        browser.findElement(By.id("add-department")).sendKeys("総務課");
        browser.findElement(By.id("add-name")).sendKeys("文書管理");
        browser.findElement(By.id("add-amountYen")).sendKeys("250000");
        browser.findElement(By.id("add-account")).sendKeys("1 一般会計");
        browser.findElement(By.id("add-kan")).sendKeys("2 総務費");
        browser.findElement(By.id("add-kou")).sendKeys("1 総務管理費");
        browser.findElement(By.id("add-moku")).sendKeys("2 文書広報費");
        browser.findElement(By.id("add-reason")).sendKeys("当初予算");
        browser.findElement(By.cssSelector("#add button[type=submit]")).click();
        waiting().withMessage(() -> "the form says: " + browser.findElement(By.id("add")).getText())
                .until(d -> !d.findElement(By.cssSelector("#add .notice")).getText().isBlank());
        JsonNode line = api.get("/api/initiatives?fiscalYear=2198&minPosition=" + lastPosition()).body().get(0);
        assertThat(line.get("accountName").asText()).isEqualTo("一般会計");
        assertThat(line.get("side").asText()).isEqualTo("expenditure");
        assertThat(line.get("subject").get("moku").get("name").asText()).isEqualTo("文書広報費");
        assertThat(line.get("amountYen").asLong()).isEqualTo(250_000);
    }

    @Test
    void anOfficerImportsABudgetBookOfThousandsOfRowsSeeingItsProgressAndItsTotalsPerKanAgainstThePrintedTotal() throws Exception {
        StringBuilder csv = new StringBuilder("年度,会計,会計名,歳入歳出,款,款名,項,項名,目,目名,所属,予算額\n");
        for (String side : List.of("歳入", "歳出")) {
            for (int kan = 1; kan <= 10; kan++) {
                for (int kou = 1; kou <= 10; kou++) {
                    for (int moku = 1; moku <= 15; moku++) {
                        csv.append("2199,1,一般会計,").append(side).append(',').append(kan).append(',').append(side).append("の款").append(kan)
                                .append(',').append(kou).append(",項").append(kou).append(',').append(moku).append(",目").append(moku)
                                .append(",財政課,1000\n");
                    }
                }
            }
        }
        Path file = Files.createTempFile(profile, "book-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        open("/officer.html");
        set("book-fiscalYear", "2199");
        browser.findElement(By.id("book-expectedTotalYen")).sendKeys("3,000,000");
        browser.findElement(By.id("book-file")).sendKeys(file.toString());
        ((JavascriptExecutor) browser).executeScript("window.progressSeen = [];"
                + " new MutationObserver(() => window.progressSeen.push(document.getElementById('book-progress-label').textContent))"
                + ".observe(document.getElementById('book-progress-label'), { childList: true, characterData: true, subtree: true });");
        long before = events();
        browser.findElement(By.id("book-preview")).click();
        waiting().until(d -> d.findElement(By.id("book-printed")).getText().contains("一致"));
        assertThat(browser.findElement(By.id("book-printed")).getDomAttribute("class")).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#book-kan tbody")).getText()).contains("歳入の款1", "歳出の款10", "150", "3,000");
        assertThat(events()).as("a preview records nothing").isEqualTo(before);
        assertThat((List<?>) ((JavascriptExecutor) browser).executeScript("return window.progressSeen")).isNotEmpty();

        browser.findElement(By.id("book-commit")).click();
        waiting().withMessage(() -> "the form says: " + browser.findElement(By.id("book")).getText())
                .until(d -> d.findElement(By.cssSelector("#book .notice")).getText().contains("3000"));
        assertThat(api.get("/api/totals/balance?fiscalYear=2199&minPosition=" + lastPosition()).body().get(0).get("revenueYen").asLong())
                .isEqualTo(1_500_000);
    }

    @Test
    void theSupplementaryBudgetEditorTakesANewLineOnEachSideShowsTheBalanceAsTypedAndPutsARowsErrorOnItsRow() {
        api.post("/api/initiatives", classified(2197, "revenue", "1 市税", "1 市民税", "1 個人", "税務課", "市民税", 1_000_000));
        Api.Response spending = api.post("/api/initiatives", classified(2197, "expenditure", "2 総務費", "1 総務管理費", "1 一般管理費",
                "総務課", "一般管理費", 1_000_000));
        api.get("/api/initiatives/" + spending.text("id") + "?minPosition=" + spending.number("position"));
        open("/officer.html");
        new Select(browser.findElement(By.id("budget-fiscalYear"))).selectByValue("2197");
        pick("budget-item-1", "一般管理費");
        browser.findElement(By.id("budget-delta-1")).sendKeys("-5000000");
        browser.findElement(By.id("budget-name")).sendKeys("12月補正");
        set("budget-procedure", "");
        set("budget-date", "2197-12-20");
        long before = events();
        browser.findElement(By.cssSelector("#budget button[type=submit]")).click();
        waiting().until(d -> !d.findElement(By.id("budget-item-error-1")).getText().isBlank());
        assertThat(events()).as("a refused bill records nothing").isEqualTo(before);

        browser.findElement(By.id("budget-delta-1")).clear();
        browser.findElement(By.id("budget-delta-1")).sendKeys("100000");
        newLine(1, "revenue", "9 繰越金", "1 繰越金", "1 繰越金", "財政課", "前年度繰越金", "300,000");
        newLine(2, "expenditure", "2 総務費", "1 総務管理費", "5 財産管理費", "総務課", "庁舎修繕", "100000");
        By totals = By.cssSelector("#budget-totals tbody tr");
        waiting().until(d -> d.findElement(totals).getText().contains("300,000 円"));
        assertThat(browser.findElement(totals).getText()).contains("一般会計", "300,000 円", "200,000 円", "100,000 円");
        assertThat(browser.findElement(totals).getDomAttribute("class")).isEqualTo("mismatch");
        browser.findElement(By.cssSelector("#budget button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.cssSelector("#budget .form-error")).getText().contains("歳入と歳出の合計が一致しません"));
        assertThat(events()).isEqualTo(before);

        browser.findElement(By.id("budget-new-amount-2")).clear();
        browser.findElement(By.id("budget-new-amount-2")).sendKeys("200000");
        waiting().until(d -> !"mismatch".equals(d.findElement(totals).getDomAttribute("class")));
        browser.findElement(By.cssSelector("#budget button[type=submit]")).click();
        waiting().withMessage(() -> "the form says: " + browser.findElement(By.id("budget")).getText())
                .until(d -> d.findElement(By.cssSelector("#budget .notice")).getText().contains("一般会計補正予算（第1号）"));
        JsonNode lines = api.get("/api/initiatives?fiscalYear=2197&minPosition=" + lastPosition()).body();
        assertThat(lines.findValuesAsText("name")).contains("前年度繰越金", "庁舎修繕");
        JsonNode balance = api.get("/api/totals/balance?fiscalYear=2197&minPosition=" + lastPosition()).body().get(0);
        assertThat(balance.get("revenueYen").asLong()).isEqualTo(1_300_000);
        assertThat(balance.get("expenditureYen").asLong()).isEqualTo(1_300_000);

        open("/bills.html?fiscalYear=2197");
        assertThat(browser.findElement(By.cssSelector("#bills tbody")).getText()).contains("第1号", "1,000 → 1,300");
        String summary = browser.findElement(By.cssSelector("#bills tbody a.summary-pdf")).getDomAttribute("href");
        assertThat(summary).startsWith("/api/supplementary-budgets/").endsWith("/summary?format=pdf");
        assertThat(fetched(summary)).isEqualTo("200 application/pdf %PDF-");
    }

    @Test
    void anOfficerAddsALineWithItsCarryoverLimitFromTheNewLineForm() {
        open("/officer.html");
        set("add-fiscalYear", "2217");
        set("add-categoryCode", "1");
        set("add-categoryName", "分類1");
        set("add-department", "総務部");
        set("add-name", "庁舎照明改修事業");
        set("add-amountYen", "2000000");
        browser.findElement(By.id("add-carryoverLimitYen")).sendKeys("500000");
        set("add-reason", "当初予算");
        long before = events();
        browser.findElement(By.cssSelector("#add button[type=submit]")).click();
        waiting().until(d -> !d.findElement(By.cssSelector("#add .notice")).getText().isBlank());
        assertThat(events()).as("the line and its 繰越明許費").isEqualTo(before + 2);
        JsonNode lines = api.get("/api/initiatives?fiscalYear=2217&minPosition=" + lastPosition()).body();
        assertThat(lines.get(0).path("name").asText()).isEqualTo("庁舎照明改修事業");
        assertThat(lines.get(0).path("carryoverLimitYen").asLong()).isEqualTo(500_000);
    }

    @Test
    void anOfficerSubmitsABillPickingItsLineByNameAndRecordsItsPassingOnTheBillsPage() {
        Api.Response added = api.post("/api/initiatives", Api.line(2130, "1", "分類1", "総務部", "防災行政無線更新", 1_000_000));
        api.get("/api/initiatives/" + added.text("id") + "?minPosition=" + added.number("position"));
        open("/officer.html");
        new Select(browser.findElement(By.id("budget-fiscalYear"))).selectByValue("2130");
        pick("budget-item-1", "防災行政無線");
        browser.findElement(By.id("budget-delta-1")).sendKeys("250000");
        browser.findElement(By.id("budget-name")).sendKeys("9月補正");
        set("budget-date", "2130-09-01");
        browser.findElement(By.cssSelector("#budget button[type=submit]")).click();
        waiting().withMessage(() -> "the form says: " + browser.findElement(By.id("budget")).getText())
                .until(d -> d.findElement(By.cssSelector("#budget .notice")).getText().contains("（第1号）"));
        JsonNode bill = api.get("/api/supplementary-budgets?fiscalYear=2130&minPosition=" + lastPosition()).body().get(0);
        assertThat(bill.get("state").asText()).isEqualTo("submitted");
        assertThat(bill.get("title").asText()).isEqualTo("令和112年度補正予算（第1号）");
        assertThat(api.get("/api/initiatives/" + added.text("id")).number("amountYen")).as("a submitted bill changes nothing")
                .isEqualTo(1_000_000);

        open("/bills.html?fiscalYear=2130");
        By form = By.id("resolution-" + bill.get("id").asText());
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2130-09-25'",
                browser.findElement(form).findElement(By.name("resolvedOn")));
        browser.findElement(form).findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElements(form).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#bills tbody .badge")).getText()).isEqualTo("可決");
        long resolved = api.get("/api/supplementary-budgets/" + bill.get("id").asText()).number("inForcePosition");
        assertThat(api.get("/api/initiatives/" + added.text("id") + "?minPosition=" + resolved).number("amountYen")).isEqualTo(1_250_000);
    }

    @Test
    void anOfficerRegistersATransferClauseOfTheGeneralProvisionsAndABarredSetsuNeedsItsReason() {
        Api.Response added = api.post("/api/initiatives", Api.line(2131, "1", "分類1", "総務部", "予算総則の年度", 1_000));
        api.get("/api/initiatives/" + added.text("id") + "?minPosition=" + added.number("position"));
        open("/provisions.html?fiscalYear=2131");
        browser.findElement(By.id("clause-article")).sendKeys("第5条");
        browser.findElement(By.id("clause-text")).sendKeys("給料、職員手当等及び共済費の各項の間の流用");
        browser.findElement(By.id("clause-kan")).sendKeys("2 総務費");
        browser.findElement(By.id("clause-levels")).sendKeys("2 給料\n3 職員手当等\n4 共済費");
        browser.findElement(By.cssSelector("#clause button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.cssSelector("#clauses tbody")).getText().contains("第5条"));
        assertThat(browser.findElement(By.cssSelector("#clauses tbody")).getText()).contains("2 総務費", "2 給料、3 職員手当等、4 共済費");
        assertThat(api.get("/api/general-provisions/2131").body().at("/transferClauses/0/setsus/2/name").asText()).isEqualTo("共済費");

        long before = events();
        browser.findElement(By.id("bar-setsu")).sendKeys("9 交際費");
        browser.findElement(By.cssSelector("#bar button[type=submit]")).click();
        By reasonError = By.cssSelector("#bar [data-error-for=reason]");
        waiting().until(d -> !d.findElement(reasonError).getText().isBlank());
        assertThat(events()).isEqualTo(before);
        browser.findElement(By.id("bar-reason")).sendKeys("交際費は流用しない");
        browser.findElement(By.cssSelector("#bar button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.cssSelector("#barred tbody")).getText().contains("9 交際費"));
    }

    @Test
    void anOfficerSetsAContinuingExpenseWithARunningSumCarriesAShareForwardAndTheStatementShowsIt() {
        open("/officer.html");
        waiting().until(d -> !d.findElement(By.id("ce-sum")).getText().isBlank());
        set("ce-fiscalYear", "2113");
        browser.findElement(By.id("ce-name")).sendKeys("市民ホール改築事業");
        browser.findElement(By.id("ce-department")).sendKeys("総務部");
        browser.findElement(By.id("ce-kan")).sendKeys("2 総務費");
        browser.findElement(By.id("ce-kou")).sendKeys("1 総務管理費");
        browser.findElement(By.id("ce-moku")).sendKeys("6 ホール建設費");
        browser.findElement(By.id("ce-totalYen")).sendKeys("1000000");
        set("ce-share-year-1", "2113");
        set("ce-share-year-2", "2114");
        browser.findElement(By.id("ce-share-amount-1")).sendKeys("400000");
        browser.findElement(By.id("ce-share-amount-2")).sendKeys("500000");
        assertThat(browser.findElement(By.id("ce-sum")).getText()).contains("900,000").contains("1,000,000").contains("不一致");
        browser.findElement(By.id("ce-reason")).sendKeys("当初予算 第2表 継続費");
        long before = events();
        browser.findElement(By.cssSelector("#ce button[type=submit]")).click();
        waiting().until(d -> !d.findElement(By.cssSelector("#ce [data-error-for=shares]")).getText().isBlank());
        assertThat(events()).as("shares that do not sum record nothing").isEqualTo(before);
        WebElement second = browser.findElement(By.id("ce-share-amount-2"));
        second.clear();
        second.sendKeys("600000");
        assertThat(browser.findElement(By.id("ce-sum")).getText()).contains("一致");
        browser.findElement(By.cssSelector("#ce button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.cssSelector("#ce .notice")).getText().contains("2113–2114"));

        new Select(browser.findElement(By.id("ce-carry-fiscalYear"))).selectByValue("2113");
        waiting().until(d -> new Select(d.findElement(By.id("ce-carry-expense"))).getOptions().stream()
                .anyMatch(o -> o.getText().contains("市民ホール改築事業")));
        new Select(browser.findElement(By.id("ce-carry-expense"))).getOptions().stream().filter(o -> o.getText().contains("市民ホール改築事業"))
                .findFirst().orElseThrow().click();
        browser.findElement(By.id("ce-carry-amountYen")).sendKeys("100000");
        browser.findElement(By.id("ce-carry-reason")).sendKeys("工期の遅れ");
        browser.findElement(By.cssSelector("#ce-carry button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.cssSelector("#ce-carry .notice")).getText().contains("2113 → 2114"));

        api.get("/api/reports/continuing-expenses?fiscalYear=2114&minPosition=" + lastPosition());
        open("/continuing.html?fiscalYear=2114");
        String statement = browser.findElement(By.cssSelector("#statement tbody")).getText();
        assertThat(statement).contains("市民ホール改築事業", "2 総務費".substring(2), "1,000", "700");
        assertThat(browser.findElement(By.id("ce-csv")).getDomAttribute("href")).contains("format=csv");
    }

    @Test
    void anOfficerSetsADebtCommitmentInABillPickedByItsTitleAndAmendsItOnTheDebtCommitmentsPage() {
        Api.Response line = api.post("/api/initiatives", Api.line(2178, "1", "分類1", "企画部", "債務負担の年度", 1_000));
        Api.Response bill = api.post("/api/supplementary-budgets", """
                {"fiscalYear": 2178, "name": "6月補正", "resolvedOn": "2178-06-20", "reason": "補正",
                 "items": [{"initiativeId": "%s", "deltaYen": 100}]}""".formatted(line.text("id")));
        assertThat(bill.status()).as(bill.raw()).isEqualTo(201);
        api.get("/api/supplementary-budgets/" + bill.text("id") + "?minPosition=" + bill.number("position"));
        open("/debts.html?fiscalYear=2178");
        Select basis = new Select(browser.findElement(By.id("debt-set-basis")));
        waiting().until(d -> basis.getOptions().stream().anyMatch(o -> o.getText().contains(bill.text("title"))));
        basis.getOptions().stream().filter(o -> o.getText().contains(bill.text("title"))).findFirst().orElseThrow().click();
        browser.findElement(By.id("debt-set-matter")).sendKeys("学校給食センター運営委託");
        set("debt-set-periodFrom", "2179");
        set("debt-set-periodTo", "2183");
        browser.findElement(By.id("debt-set-limitYen")).sendKeys("120,000,000");
        browser.findElement(By.id("debt-set-reason")).sendKeys("6月補正で設定");
        browser.findElement(By.cssSelector("#debt-set button[type=submit]")).click();
        By table = By.cssSelector("#debts tbody");
        waiting().withMessage(() -> "the form says: " + browser.findElement(By.id("debt-set")).getText())
                .until(d -> d.findElement(table).getText().contains("学校給食センター運営委託"));
        assertThat(browser.findElement(table).getText()).contains("120,000", "補正第" + bill.number("number") + "号");

        Select commitment = new Select(browser.findElement(By.id("debt-amend-id")));
        waiting().until(d -> commitment.getOptions().size() > 1);
        commitment.selectByIndex(1);
        new Select(browser.findElement(By.id("debt-amend-basis"))).selectByValue(bill.text("id"));
        browser.findElement(By.id("debt-amend-limitYen")).sendKeys("150000000");
        browser.findElement(By.id("debt-amend-reason")).sendKeys("委託内容の拡充");
        browser.findElement(By.cssSelector("#debt-amend button[type=submit]")).click();
        waiting().withMessage(() -> "the form says: " + browser.findElement(By.id("debt-amend")).getText())
                .until(d -> d.findElement(table).getText().contains("120,000千円→150,000千円"));
        assertThat(browser.findElement(By.id("debts-csv")).getDomAttribute("href")).contains("format=csv", "fiscalYear=2178");
    }

    private long classifiedLine(int year, String side, String kan, String kou, String moku, String name, long yen) {
        String level = "{\"code\": \"%s\", \"name\": \"%s\"}";
        String subject = "{\"kan\": " + level.formatted(kan.split(" ")[0], kan.split(" ")[1])
                + ", \"kou\": " + level.formatted(kou.split(" ")[0], kou.split(" ")[1])
                + ", \"moku\": " + level.formatted(moku.split(" ")[0], moku.split(" ")[1]) + "}";
        return api.post("/api/initiatives", """
                {"fiscalYear": %d, "department": "財政課", "name": "%s", "amountYen": %d, "reason": "当初予算",
                 "accountCode": "01", "accountName": "一般会計", "side": "%s", "subject": %s, "partOfSet": true}""".formatted(year, name, yen, side, subject))
                .number("position");
    }

    @Test
    void theBudgetInForcePageShowsTheInitialAmountEachSupplementaryBudgetAndTheSumPerKouAndLinksItsPdf() {
        classifiedLine(2277, "revenue", "1 市税", "1 市民税", "1 個人", "個人", 2_000_000);
        classifiedLine(2277, "expenditure", "2 総務費", "1 総務管理費", "1 一般管理費", "一般管理費", 1_500_000);
        long last = classifiedLine(2277, "expenditure", "3 民生費", "1 社会福祉費", "1 社会福祉総務費", "社会福祉総務費", 500_000);
        JsonNode lines = api.get("/api/initiatives?fiscalYear=2277&minPosition=" + last).body();
        String welfare = java.util.stream.StreamSupport.stream(lines.spliterator(), false).filter(l -> l.get("name").asText().equals("社会福祉総務費"))
                .findFirst().orElseThrow().get("id").asText();
        String revenue = java.util.stream.StreamSupport.stream(lines.spliterator(), false).filter(l -> l.get("name").asText().equals("個人"))
                .findFirst().orElseThrow().get("id").asText();
        Api.Response bill = api.post("/api/supplementary-budgets", """
                {"fiscalYear": 2277, "name": "6月補正", "resolvedOn": "2277-06-20", "reason": "補正",
                 "items": [{"initiativeId": "%s", "deltaYen": 250000}, {"initiativeId": "%s", "deltaYen": 250000}]}""".formatted(welfare, revenue));
        assertThat(bill.status()).as(bill.raw()).isEqualTo(201);
        api.get("/api/totals?fiscalYear=2277&minPosition=" + bill.number("position"));

        open("/current.html?fiscalYear=2277&level=kou");
        String page = browser.findElement(By.id("current-groups")).getText();
        assertThat(page).contains("一般会計 歳入", "一般会計 歳出", "当初予算額", bill.text("title"), "予備費充用額", "流用増減", "予算現額");
        WebElement expenditure = browser.findElements(By.cssSelector("#current-groups table.current")).get(1);
        assertThat(expenditure.findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText).toList()).containsExactly(
                "総務費 1 総務管理費 1,500 0 0 0 1,500",
                "民生費 1 社会福祉費 500 250 0 0 750",
                "歳出合計 2,000 250 0 0 2,250");
        String pdf = browser.findElement(By.id("current-pdf")).getDomAttribute("href");
        assertThat(pdf).startsWith("/api/reports/current-budget?").contains("fiscalYear=2277", "level=kou").endsWith("format=pdf");
        assertThat(fetched(pdf)).isEqualTo("200 application/pdf %PDF-");
    }

    @Test
    void theSubjectPageDrillsFromTheAccountDownToTheMokuWithTheBalance() {
        classifiedLine(2093, "revenue", "1 市税", "1 市民税", "1 個人", "個人", 1_000_000);
        classifiedLine(2093, "expenditure", "2 総務費", "1 総務管理費", "1 一般管理費", "一般管理費", 600_000);
        long last = classifiedLine(2093, "expenditure", "2 総務費", "1 総務管理費", "2 文書広報費", "文書広報費", 400_000);
        api.get("/api/totals/tree?fiscalYear=2093&minPosition=" + last);

        open("/subjects.html?fiscalYear=2093");
        assertThat(browser.findElement(By.cssSelector("#balance tbody")).getText()).contains("01 一般会計").contains("1,000");
        assertThat(browser.findElements(By.cssSelector("#balance tbody td.ng"))).isEmpty();
        assertThat(browser.findElement(By.id("export-current")).getDomAttribute("href"))
                .startsWith("/api/reports/current-budget?").contains("fiscalYear=2093").endsWith("&format=xlsx");
        for (String step : List.of("一般会計", "歳出", "総務費", "総務管理費")) {
            browser.findElement(By.xpath("//table[@id='children']//button[normalize-space()='" + step + "']")).click();
            waiting().until(d -> d.findElement(By.id("nodeName")).getText().contains(step));
        }
        assertThat(browser.findElement(By.id("nodeTotal")).getText()).isEqualTo("1,000");
        String rows = browser.findElement(By.cssSelector("#children tbody")).getText();
        assertThat(rows).contains("一般管理費").contains("600").contains("文書広報費").contains("400");
        assertThat(browser.findElement(By.id("crumbs")).getText()).contains("すべての会計").contains("01 一般会計").contains("歳出").contains("2 総務費");
        assertThat(browser.getCurrentUrl()).contains("path=");

        browser.findElement(By.xpath("//ol[@id='crumbs']//button[normalize-space()='すべての会計']")).click();
        waiting().until(d -> d.findElement(By.id("nodeName")).getText().equals("すべての会計"));

        assertThat(browser.findElement(By.id("export-table1")).getDomAttribute("href"))
                .startsWith("/api/reports/table1?").contains("fiscalYear=2093").doesNotContain("effectiveOn").endsWith("&format=xlsx");
        set("effectiveOn", "2093-10-01");
        browser.findElement(By.id("show")).click();
        waiting().until(d -> d.findElement(By.id("export-detail")).getDomAttribute("href").contains("effectiveOn=2093-10-01"));
        assertThat(browser.findElement(By.id("export-table1")).getDomAttribute("href"))
                .startsWith("/api/reports/table1?").contains("fiscalYear=2093").contains("effectiveOn=2093-10-01").endsWith("&format=xlsx");
        String pdf = browser.findElement(By.id("export-table1-pdf")).getDomAttribute("href");
        assertThat(pdf).startsWith("/api/reports/table1?").contains("effectiveOn=2093-10-01").endsWith("&format=pdf");
        assertThat(fetched(pdf)).isEqualTo("200 application/pdf %PDF-");
    }

    @Test
    void theSubjectTreeDrillsDownToALinesHistoryAndBackAtAnEarlierRecordedMoment() {
        long last = classifiedLine(2118, "expenditure", "3 民生費", "1 社会福祉費", "2 障害者福祉費", "障害者福祉", 400_000);
        String id = api.get("/api/initiatives?fiscalYear=2118&minPosition=" + last).body().get(0).get("id").asText();
        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        waiting().until(d -> java.time.Instant.now().isAfter(before));
        Api.Response amended = api.post("/api/initiatives/" + id + "/amendments", "{\"deltaYen\": 100000, \"reason\": \"増額\"}");
        api.get("/api/totals/tree?fiscalYear=2118&minPosition=" + amended.number("position"));

        open("/subjects.html?fiscalYear=2118");
        for (String step : List.of("一般会計", "歳出", "民生費", "社会福祉費", "障害者福祉費")) {
            browser.findElement(By.xpath("//table[@id='children']//button[normalize-space()='" + step + "']")).click();
            waiting().until(d -> d.findElement(By.id("nodeName")).getText().contains(step));
        }
        By leaf = By.cssSelector("#leaf-lines tbody");
        waiting().until(d -> d.findElement(leaf).getText().contains("障害者福祉"));
        assertThat(browser.findElement(leaf).getText()).contains("500");
        browser.findElement(By.linkText("障害者福祉")).click();
        waitUntilReady();
        waiting().until(d -> d.findElement(By.id("history")).getText().contains("増額"));
        assertThat(browser.findElement(By.id("line-name")).getText()).isEqualTo("障害者福祉");

        browser.navigate().back();
        waitUntilReady();
        waiting().until(d -> d.findElement(By.id("nodeName")).getText().contains("障害者福祉費"));
        set("asOf", DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").format(before.atZone(ZoneId.of("Asia/Tokyo"))));
        browser.findElement(By.cssSelector("#controls button[type=submit]")).click();
        waiting().withMessage(() -> "the page says " + browser.findElement(By.id("nodeTotal")).getText() + " at "
                        + browser.findElement(By.id("moment")).getText() + " (asOf " + browser.findElement(By.id("asOf")).getDomProperty("value")
                        + ", asked " + before + "); console: " + consoleErrors())
                .until(d -> d.findElement(By.id("nodeTotal")).getText().equals("400"));
        assertThat(browser.findElement(leaf).getText()).contains("障害者福祉").contains("400");
    }

    @Test
    void userTextIsShownAsTextNeverRunAsMarkup() {
        String name = "<script>alert(1)</script>";
        Api.Response added = api.post("/api/initiatives", line(2094, "1", "分類", "総務部", name, 1_000));
        api.get("/api/initiatives/" + added.text("id") + "?minPosition=" + added.number("position"));
        open("/lines.html?fiscalYear=2094");
        WebElement link = waiting().until(d -> d.findElement(By.linkText(name)));
        assertThat(link.getText()).isEqualTo(name);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.findElements(By.xpath("//tbody//script"))).isEmpty();
        open("/line.html?id=" + added.text("id"));
        assertThat(browser.findElement(By.id("line-name")).getText()).isEqualTo(name);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void aBrowserSetToEnglishInUtcShowsJapanTimeAndTheEventKindInJapaneseWordsOnTheAuditLog() {
        assertThat(((JavascriptExecutor) browser).executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone + ' ' + navigator.language"))
                .isEqualTo("UTC en-US");
        api.post("/api/initiatives", line(2188, "1", "分類", "総務部", "時刻の表示", 1_000_000));
        waiting().until(d -> api.get("/api/audit/events?fiscalYear=2188").body().get("items").size() == 1);
        String recordedAt = api.get("/api/audit/events?fiscalYear=2188").body().get("items").get(0).get("recordedAt").asText();
        String japanTime = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm:ss")
                .format(java.time.Instant.parse(recordedAt).atZone(ZoneId.of("Asia/Tokyo")));
        open("/audit.html");
        Select year = new Select(browser.findElement(By.id("fiscalYear")));
        waiting().until(d -> year.getOptions().stream().anyMatch(o -> "2188".equals(o.getDomAttribute("value"))));
        year.selectByValue("2188");
        browser.findElement(By.cssSelector("#log-filters button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.cssSelector("#log tbody")).getText().contains("時刻の表示"));
        assertThat(browser.findElement(By.cssSelector("#log tbody tr")).getText())
                .contains(japanTime).contains("事業追加").doesNotContain("InitiativeAdded");
    }

    /** Serious or critical axe-core violations of the page shown (WCAG 2.1 A and AA), as "rule: elements". */
    private List<String> accessibilityViolations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        return results.getViolations().stream().filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(r -> r.getId() + ": " + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(5).toList())
                .toList();
    }

    /** The browser's console errors (failed requests included) since the last call. */
    private List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** A script's function naming an element as the keyboard walk reports it: its id, else its tag, name and place among its tag. */
    private static final String ELEMENT_KEY = "const key = e => e.type === 'radio' ? 'radio:' + e.name : e.id || (e.tagName.toLowerCase() + ':'"
            + " + (e.getAttribute('name') || e.textContent.trim().slice(0, 20)) + ':' + [...document.getElementsByTagName(e.tagName)].indexOf(e));";

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private void press(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private String focused() {
        return (String) script(ELEMENT_KEY + "const e = document.activeElement; return e && e !== document.body ? key(e) : null;");
    }

    /** Presses Tab until the element {@code id} has the focus. */
    private void tabTo(String id) {
        for (int i = 0; i < 400 && !id.equals(focused()); i++) {
            press(Keys.TAB);
        }
        assertThat(focused()).as("Tab reaches #" + id).isEqualTo(id);
    }

    /** Chooses {@code value} in the focused select with the arrow keys. */
    private void arrowTo(String value) {
        for (int i = 0; i < 200; i++) {
            long target = (Long) script("return [...document.activeElement.options].findIndex(o => o.value === arguments[0])", value);
            long current = (Long) script("return document.activeElement.selectedIndex");
            assertThat(target).as("the focused select offers " + value).isNotNegative();
            if (target == current) {
                return;
            }
            press(target > current ? Keys.ARROW_DOWN : Keys.ARROW_UP);
        }
        throw new AssertionError("the arrow keys did not reach " + value);
    }

    /** Types {@code text} into the focused element. */
    private void type(String text) {
        press(text);
    }

    @Test
    void everyPageReachesEachOfItsVisibleControlsWithTheTabKeyAndShowsWhereTheFocusIs() {
        Api.Response added = api.post("/api/initiatives", line(2275, "1", "分類", "総務部", "キーボードの巡回", 1_000_000));
        List<String> pages = List.of("/", "/subjects.html", "/lines.html", "/line.html?id=" + added.text("id"), "/officer.html",
                "/audit.html", "/approvals.html", "/bills.html", "/provisions.html", "/years.html", "/carryovers.html",
                "/continuing.html", "/debts.html", "/current.html");
        Map<String, List<String>> problems = new java.util.LinkedHashMap<>();
        for (String page : pages) {
            open(page);
            script(ELEMENT_KEY + "window.focusSeen = []; document.addEventListener('focusin', event => { const s = getComputedStyle(event.target);"
                    + " window.focusSeen.push(key(event.target) + (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? '' : ' (no focus ring)')); });");
            @SuppressWarnings("unchecked")
            List<String> controls = (List<String>) script(ELEMENT_KEY + "return [...new Set([...document.querySelectorAll("
                    + "'a[href], button, input, select, textarea, summary, [tabindex]')].filter(e => !e.disabled && e.tabIndex >= 0 && e.type !== 'hidden'"
                    + " && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden').map(key))];");
            Actions walk = new Actions(browser);
            for (int i = 0; i < 2 * controls.size() + 10; i++) {
                walk.sendKeys(Keys.TAB);
            }
            walk.perform();
            @SuppressWarnings("unchecked")
            List<String> seen = (List<String>) script("return window.focusSeen");
            List<String> found = new java.util.ArrayList<>(controls.stream().filter(c -> !seen.contains(c)).map(c -> c + " (not reached)").toList());
            seen.stream().filter(s -> s.endsWith("(no focus ring)")).distinct().forEach(found::add);
            if (!found.isEmpty()) {
                problems.put(page + " (" + controls.size() + " controls)", found);
            }
        }
        assertThat(problems).as("controls the Tab key misses or focuses without a visible ring").isEmpty();
    }

    @Test
    void anOfficerRecordsATransferAndAnApproverApprovesADraftWithTheKeyboardAlone() {
        Api.Response from = api.post("/api/initiatives", line(2276, "1", "分類", "総務部", "鍵盤の流用元", 1_000_000));
        Api.Response to = api.post("/api/initiatives", line(2276, "1", "分類", "総務部", "鍵盤の流用先", 500_000));
        api.get("/api/initiatives/" + to.text("id") + "?minPosition=" + to.number("position"));
        open("/officer.html");
        tabTo("transfer-fiscalYear");
        arrowTo("2276");
        tabTo("transfer-fromId-filter");
        type("鍵盤の流用元");
        waiting().until(d -> new Select(d.findElement(By.id("transfer-fromId"))).getOptions().stream().anyMatch(o -> o.getText().contains("鍵盤の流用元")));
        press(Keys.TAB);
        arrowTo(from.text("id"));
        tabTo("transfer-toId-filter");
        type("鍵盤の流用先");
        waiting().until(d -> new Select(d.findElement(By.id("transfer-toId"))).getOptions().stream().anyMatch(o -> o.getText().contains("鍵盤の流用先")));
        press(Keys.TAB);
        arrowTo(to.text("id"));
        tabTo("transfer-amountYen");
        type("300,000");
        tabTo("transfer-reason");
        type("キーボードだけで起案");
        press(Keys.ENTER);
        waiting().withMessage(() -> "the form says: " + browser.findElement(By.id("transfer")).getText())
                .until(d -> d.findElement(By.cssSelector("#transfer .notice")).getText().contains("tr-"));
        assertThat(api.get("/api/initiatives/" + from.text("id") + "?minPosition=" + lastPosition()).number("amountYen")).isEqualTo(700_000);
        assertThat(api.get("/api/initiatives/" + to.text("id")).number("amountYen")).isEqualTo(800_000);

        DraftId draft = commands.draft(new TransferFunds(TransferId.generate(), InitiativeId.of(from.text("id")), InitiativeId.of(to.text("id")),
                Money.ofYen(100_000), new ChangeContext(null, "起案した流用", "起案第10号")), Requester.system("suzuki")).result();
        tabTo("logout");
        press(Keys.ENTER);
        waiting().until(d -> d.getCurrentUrl().contains("/login.html") && !d.findElements(By.id("login-submit")).isEmpty());
        try {
            tabTo("username");
            type("approver");
            press(Keys.TAB);
            type(TestUsers.PASSWORD);
            press(Keys.ENTER);
            waitUntilReady();
            open("/approvals.html");
            String approve = "approve-" + draft.value();
            waiting().until(d -> !d.findElements(By.id(approve)).isEmpty());
            tabTo(approve);
            press(Keys.ENTER);
            waiting().until(d -> d.findElement(By.cssSelector("#decide .notice")).getText().contains("承認しました"));
            long decided = lastPosition();
            assertThat(api.get("/api/initiatives/" + from.text("id") + "?minPosition=" + decided).number("amountYen")).isEqualTo(600_000);
            assertThat(api.get("/api/initiatives/" + to.text("id")).number("amountYen")).isEqualTo(900_000);
        } finally {
            signIn("tanaka");
        }
    }

    @Test
    void everyPageHasNoSeriousOrCriticalAccessibilityViolationNoConsoleErrorAndNoFailedRequest() {
        Api.Response added = api.post("/api/initiatives", line(2189, "1", "分類", "総務部", "画面の検査", 1_000_000));
        List<String> pages = List.of("/", "/subjects.html", "/lines.html", "/line.html?id=" + added.text("id"), "/officer.html",
                "/audit.html", "/approvals.html", "/bills.html", "/provisions.html", "/years.html", "/carryovers.html",
                "/continuing.html", "/debts.html", "/current.html");
        consoleErrors();
        Map<String, List<String>> problems = new java.util.LinkedHashMap<>();
        for (String page : pages) {
            open(page);
            List<String> found = new java.util.ArrayList<>(accessibilityViolations());
            found.addAll(consoleErrors());
            if (!found.isEmpty()) {
                problems.put(page, found);
            }
        }
        browser.findElement(By.id("logout")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/login.html"));
        waiting().until(d -> !d.findElements(By.id("login-submit")).isEmpty());
        List<String> login = new java.util.ArrayList<>(accessibilityViolations());
        login.addAll(consoleErrors());
        if (!login.isEmpty()) {
            problems.put("/login.html", login);
        }
        browser.findElement(By.id("username")).sendKeys("tanaka");
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        waitUntilReady();
        assertThat(problems).isEmpty();

        ((JavascriptExecutor) browser).executeScript("const img = document.createElement('img'); img.src = '/no-such-image.png';"
                + " document.querySelector('main').append(img);");
        waiting().until(d -> !consoleErrors().isEmpty());
        assertThat(accessibilityViolations()).as("the checks see a broken page").anyMatch(v -> v.startsWith("image-alt"));
    }

    @Test
    void anOfficerCorrectsAnAmendmentPickedFromTheLinesHistoryAndMovesTheLineToAnotherDepartment() {
        Api.Response added = api.post("/api/initiatives", line(2119, "1", "分類", "総務部", "訂正の確認", 1_000_000));
        Api.Response amended = api.post("/api/initiatives/" + added.text("id") + "/amendments", "{\"deltaYen\": 200000, \"reason\": \"誤入力\"}");
        api.get("/api/initiatives/" + added.text("id") + "?minPosition=" + amended.number("position"));
        open("/line.html?id=" + added.text("id"));
        Select which = new Select(browser.findElement(By.id("correct-sequence")));
        waiting().until(d -> which.getOptions().stream().anyMatch(o -> o.getText().contains("誤入力")));
        which.getOptions().stream().filter(o -> o.getText().contains("誤入力")).findFirst().orElseThrow().click();
        browser.findElement(By.id("correct-reason")).sendKeys("入力誤りの訂正");
        browser.findElement(By.cssSelector("#correct button[type=submit]")).click();
        waiting().until(d -> !d.findElement(By.cssSelector("#correct .notice")).getText().isBlank());
        assertThat(api.get("/api/initiatives/" + added.text("id") + "?minPosition=" + lastPosition()).number("amountYen")).isEqualTo(1_000_000);
        waiting().until(d -> which.getOptions().stream().noneMatch(o -> o.getText().contains("誤入力")));

        browser.findElement(By.id("reassign-department")).sendKeys("企画部");
        browser.findElement(By.id("reassign-reason")).sendKeys("組織改正");
        browser.findElement(By.cssSelector("#reassign button[type=submit]")).click();
        waiting().until(d -> !d.findElement(By.cssSelector("#reassign .notice")).getText().isBlank());
        assertThat(api.get("/api/initiatives/" + added.text("id") + "?minPosition=" + lastPosition()).text("department")).isEqualTo("企画部");
    }

    @Test
    void aPageShowsOnlyWhatTheUsersRoleMayDo() {
        open("/lines.html");
        signIn("auditor");
        try {
            assertThat(browser.findElements(By.cssSelector("header.site a[href='/officer.html']"))).isEmpty();
            open("/officer.html");
            assertThat(browser.findElement(By.id("not-for-role")).getText()).contains("OFFICER");
            assertThat(browser.findElements(By.cssSelector("main form"))).isEmpty();
            signIn("viewer");
            assertThat(browser.findElements(By.cssSelector("header.site a[href='/audit.html']"))).isEmpty();
            open("/audit.html");
            assertThat(browser.findElement(By.id("not-for-role")).getText()).contains("AUDITOR");
            assertThat(browser.findElements(By.cssSelector("main form"))).isEmpty();
            open("/years.html");
            assertThat(browser.findElement(By.id("year-forms")).isDisplayed()).isFalse();
        } finally {
            signIn("tanaka");
        }
    }

    @Test
    void anAuditorCanSeeWhoChangedADepartmentAndVerifyTheStore() {
        open("/audit.html");
        browser.findElement(By.id("department")).sendKeys("総務部");
        browser.findElement(By.cssSelector("#log-filters button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("page-info")).getText().contains("/"));
        browser.findElement(By.id("verify")).click();
        waiting().until(d -> d.findElement(By.id("verify-result")).getText().contains("SHA-256"));
        browser.findElement(By.cssSelector("#replay button[type=submit]")).click();
        waiting().until(d -> !d.findElement(By.id("replay-verdict")).getText().isBlank());
        assertThat(browser.findElement(By.id("replay-verdict")).getDomAttribute("class")).isEqualTo("ok");
    }
}
