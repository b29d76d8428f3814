package jp.budgetledger.app.imports;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.DocumentId;
import jp.budgetledger.core.api.DocumentInfo;
import jp.budgetledger.core.api.DocumentSection;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.ImportBudgetDocument;
import jp.budgetledger.core.api.ImportedLine;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.document.BudgetTableParser;
import jp.budgetledger.core.document.BundledSamples;
import jp.budgetledger.core.domain.DocumentLineRejectedException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Importing and exporting 別紙 tables through HTTP; each test uses its own fiscal year. */
class ImportIT extends LedgerIT {

    private static final byte[] SAMPLE = BundledSamples.bytes(BundledSamples.SMART_MUNICIPALITY);
    private static final String SAMPLE_TEXT = new String(SAMPLE, StandardCharsets.UTF_8);
    private static final List<Long> CATEGORY_TOTALS = List.of(37_786_000L, 26_036_000L, 14_300_000L, 24_008_000L, 210_321_000L);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommandGateway commands;
    Api api;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private Api.Response importDocument(byte[] body, String query) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports?" + query))
                .header("Content-Type", "text/plain").header("Authorization", basic("finance-officer"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()), response.body(), response.headers());
    }

    private byte[] download(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports/betsu?" + query))
                        .header("Authorization", basic("viewer")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + jp.budgetledger.app.TestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private List<Long> categoryTotals(int fiscalYear, long position) {
        JsonNode categories = api.get("/api/totals/categories?fiscalYear=" + fiscalYear + "&minPosition=" + position).body();
        return java.util.stream.StreamSupport.stream(categories.spliterator(), false).map(n -> n.get("totalYen").asLong()).toList();
    }

    @Test
    void theBundledSampleIsLoadedAsFiscalYear2020OnAFreshStart() {
        long position = jdbc.sql("SELECT max(globalIndex) FROM domainevententry WHERE payloadType LIKE '%BudgetDocumentImported'")
                .query(Long.class).single();
        Api.Response total = api.get("/api/totals?fiscalYear=2020&minPosition=" + position);
        assertThat(total.number("totalYen")).isEqualTo(312_451_000L);
        assertThat(total.number("initiativeCount")).isEqualTo(16);
        assertThat(categoryTotals(2020, position)).isEqualTo(CATEGORY_TOTALS);
        String metadata = jdbc.sql("SELECT convert_from(metaData, 'UTF8') FROM domainevententry ORDER BY globalIndex LIMIT 1")
                .query(String.class).single();
        assertThat(metadata).contains("\"actor\":\"sample-loader\"");
        String payload = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domainevententry ORDER BY globalIndex LIMIT 1")
                .query(String.class).single();
        assertThat(payload).contains("\"reason\":\"当初予算\"").contains("SHA-256:" + BudgetTableParser.sha256(SAMPLE));
    }

    @Test
    void exportingTheImportedSampleGivesBackTheSameTableInTextCsvAndXlsx() throws Exception {
        Api.Response imported = importDocument(SAMPLE, "fiscalYear=2060");
        assertThat(imported.status()).isEqualTo(201);
        long position = imported.number("position");

        String text = new String(download("fiscalYear=2060&minPosition=" + position), StandardCharsets.UTF_8);
        assertThat(text.strip()).isEqualTo(SAMPLE_TEXT.strip());

        byte[] csv = download("fiscalYear=2060&format=csv");
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)))
                .getRecords();
        assertThat(records).filteredOn(r -> r.size() > 1 && r.get(1).equals("電算管理費")).singleElement()
                .satisfies(r -> assertThat(r.toList()).containsExactly("", "電算管理費", "1,795", ""));
        assertThat(records.get(records.size() - 1).toList()).containsExactly("合計(1+2+3+4+5)", "", "312,451", "");
        assertThat(records).filteredOn(r -> r.get(0).equals("小計")).singleElement()
                .satisfies(r -> assertThat(r.get(2)).isEqualTo("210,321"));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download("fiscalYear=2060&format=xlsx")))) {
            Sheet sheet = workbook.getSheet("別紙3");
            assertThat(sheet).isNotNull();
            var last = sheet.getRow(sheet.getLastRowNum());
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("合計(1+2+3+4+5)");
            assertThat(last.getCell(2).getNumericCellValue()).isEqualTo(312_451d);
            assertThat(last.getCell(2).getCellStyle().getDataFormatString()).contains("#,##0");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("スマート自治体関連事業一覧表");
        }
    }

    @Test
    void aCopyWithOneSubtotalChangedIsRejectedNamingThatRowAndNothingIsRecorded() throws Exception {
        long before = events();
        Api.Response rejected = importDocument(SAMPLE_TEXT.replace("小計\t\t210,321", "小計\t\t210,331").getBytes(StandardCharsets.UTF_8),
                "fiscalYear=2061");
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.body().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("row").asInt()).isEqualTo(46);
            assertThat(e.get("field").asText()).isEqualTo("小計");
            assertThat(e.get("reason").asText()).contains("210,331 千円").contains("210,321 千円");
        });
        assertThat(rejected.body().at("/report/recorded").asBoolean()).isFalse();
        assertThat(events()).isEqualTo(before);
        assertThat(api.get("/api/totals?fiscalYear=2061").number("initiativeCount")).isZero();
    }

    @Test
    void shiftJisAndFullWidthCopiesImportToTheSameTotals() throws Exception {
        Api.Response sjis = importDocument(SAMPLE_TEXT.getBytes(Charset.forName("windows-31j")), "fiscalYear=2062");
        assertThat(sjis.status()).isEqualTo(201);
        assertThat(sjis.body().at("/document/charset").asText()).isEqualTo("Shift_JIS");
        String fullWidth = SAMPLE_TEXT.replace("37,786", "３７，７８６").replace("210,321", "２１０，３２１").replace("312,451", "３１２，４５１");
        Api.Response wide = importDocument(fullWidth.getBytes(StandardCharsets.UTF_8), "fiscalYear=2063");
        assertThat(wide.status()).isEqualTo(201);

        assertThat(categoryTotals(2062, sjis.number("position"))).isEqualTo(CATEGORY_TOTALS);
        assertThat(categoryTotals(2063, wide.number("position"))).isEqualTo(CATEGORY_TOTALS);
        assertThat(api.get("/api/totals?fiscalYear=2063").number("totalYen")).isEqualTo(312_451_000L);
    }

    @Test
    void aSecondImportOfTheSameDocumentAddsNothingAndSaysSo() throws Exception {
        Api.Response first = importDocument(SAMPLE, "fiscalYear=2064");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.number("added")).isEqualTo(16);
        long before = events();

        Api.Response second = importDocument(SAMPLE, "fiscalYear=2064");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.number("added")).isZero();
        assertThat(second.number("alreadyPresent")).isEqualTo(16);
        assertThat(second.body().get("recorded").asBoolean()).isFalse();
        assertThat(second.text("message")).contains("already");
        assertThat(events()).isEqualTo(before);
        assertThat(api.get("/api/totals?fiscalYear=2064&minPosition=" + first.number("position")).number("initiativeCount")).isEqualTo(16);
    }

    @Test
    void aDryRunReportsButRecordsNothing() throws Exception {
        long before = events();
        Api.Response dryRun = importDocument(SAMPLE, "fiscalYear=2065&dryRun=true");
        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.body().get("recorded").asBoolean()).isFalse();
        assertThat(dryRun.body().get("linesParsed").asInt()).isEqualTo(16);
        assertThat(dryRun.body().get("checks")).hasSize(2).allSatisfy(c -> assertThat(c.get("matches").asBoolean()).isTrue());
        assertThat(dryRun.body().get("sections")).extracting(s -> s.get("sumYen").asLong()).isEqualTo(CATEGORY_TOTALS);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aDocumentOverlappingLinesAlreadyInTheLedgerIsRejectedWhole() throws Exception {
        Api.Response manual = api.post("/api/initiatives", line(2066, "5", "AI・RPA等の活用や業務システムの導入", "総務部", "電算管理費", 1_795_000));
        long before = events();
        Api.Response rejected = importDocument(SAMPLE, "fiscalYear=2066");
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.body().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("row").asInt()).isEqualTo(39);
            assertThat(e.get("reason").asText()).contains(manual.text("id"));
        });
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aLineRejectedInsideTheImportCommandRollsBackEveryLineBeforeIt() {
        api.post("/api/initiatives", line(2067, "1", "分類", "総務部", "既存事業", 1_000));
        FiscalYear fiscalYear = FiscalYear.of(2067);
        InitiativeId first = InitiativeId.generate();
        ImportBudgetDocument command = new ImportBudgetDocument(DocumentId.of(fiscalYear, "0".repeat(64)), fiscalYear,
                new DocumentInfo("表", "別紙1", "千円", "0".repeat(64)), List.of(new DocumentSection("1", "分類", List.of())),
                List.of(new ImportedLine(first, "1", 10, Department.of("総務部"), "新規事業", Money.ofYen(5_000), null, false),
                        new ImportedLine(InitiativeId.generate(), "1", 11, Department.of("総務部"), "既存事業", Money.ofYen(7_000), null, false)),
                ChangeContext.of("当初予算"));
        long before = events();
        assertThatThrownBy(() -> commands.sendAndWait(command))
                .isInstanceOf(DocumentLineRejectedException.class).hasMessageContaining("row 11");
        assertThat(events()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM initiative_key WHERE initiative_id = ?").param(first.value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anAmendedYearIsExportedWithItsCurrentAmounts() throws Exception {
        Api.Response imported = importDocument(SAMPLE, "fiscalYear=2068");
        String id = api.get("/api/initiatives?fiscalYear=2068&categoryCode=4&minPosition=" + imported.number("position"))
                .body().get(0).get("id").asText();
        Api.Response amended = api.post("/api/initiatives/" + id + "/amendments", "{\"deltaYen\": 1000000, \"reason\": \"9月補正\"}");
        String text = new String(download("fiscalYear=2068&minPosition=" + amended.number("position")), StandardCharsets.UTF_8);
        assertThat(text).contains("部局名\t細事業名\t予算現額\t取組概要").contains("出納局\t財務会計管理費\t25,008\t")
                .contains("合計(1+2+3+4+5)\t\t313,451\t");
    }

    @Test
    void importRequestsWithoutABodyOrWithAnUnknownCharsetAreRejected() throws Exception {
        Api.Response empty = importDocument(new byte[0], "fiscalYear=2069");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().at("/errors/0/field").asText()).isEqualTo("body");
        Api.Response charset = importDocument(SAMPLE, "fiscalYear=2069&charset=EBCDIC-42");
        assertThat(charset.status()).isEqualTo(400);
        assertThat(charset.body().at("/errors/0/field").asText()).isEqualTo("charset");
        assertThat(api.get("/api/reports/betsu?fiscalYear=2069&format=docx").status()).isEqualTo(400);
    }
}
