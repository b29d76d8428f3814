package jp.budgetledger.app.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.TestUsers;
import jp.budgetledger.app.projection.ProjectionProgress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing budget CSVs through HTTP on the real ledger. The test writes its own file (two 会計, both
 * sides, an index column and an empty-header column) and works out the totals per 会計, side and 款
 * itself; each test uses its own fiscal year.
 */
class BudgetCsvImportIT extends LedgerIT {

    private static final String[][] ACCOUNTS = {{"01", "一般会計"}, {"02", "国民健康保険特別会計"}};
    private static final String[] SIDES = {"歳入", "歳出"};
    private static final String[] DEPARTMENTS = {"総務課", "財政課", "保険年金課"};

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProjectionProgress progress;
    Api api;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    /** A synthetic budget CSV and the figures worked out while writing it. */
    record Book(String yenCsv, String thousandCsv, int lines, long totalYen, Map<String, Long> kanYen, Map<String, Long> accountYen) {
    }

    /** Rows of 2 会計 × 2 sides × {@code kans} 款 × 3 項 × 3 目 × {@code setsus} 節, amounts in whole 千円, some of them 0. */
    static Book book(String fiscalYear, int kans, int setsus, long seed) {
        Random random = new Random(seed);
        String header = ",年度,会計コード,会計名,歳入歳出,款,項コード,項名,目,節名称,所属名,備考,,予算額\n";
        StringBuilder yen = new StringBuilder(header);
        StringBuilder thousand = new StringBuilder(header.replace("予算額", "予算額（千円）"));
        Map<String, Long> kanYen = new TreeMap<>();
        Map<String, Long> accountYen = new TreeMap<>();
        long total = 0;
        int index = 0;
        for (String[] account : ACCOUNTS) {
            for (String side : SIDES) {
                for (int kan = 1; kan <= kans; kan++) {
                    for (int kou = 1; kou <= 3; kou++) {
                        for (int moku = 1; moku <= 3; moku++) {
                            for (int setsu = 1; setsu <= setsus; setsu++) {
                                long thousands = random.nextInt(10) == 0 ? 0 : random.nextInt(50_000);
                                long amount = thousands * 1000;
                                String prefix = ++index + "," + fiscalYear + "," + account[0] + "," + account[1] + "," + side + ","
                                        + kan + " " + side + "款" + kan + "," + String.format("%02d", kou) + "," + side + "項" + kan + "-" + kou
                                        + "," + moku + " 目" + kan + "-" + kou + "-" + moku + ",節" + setsu + "," + DEPARTMENTS[index % 3]
                                        + ",備考" + index + ",x,";
                                yen.append(prefix).append(amount).append('\n');
                                thousand.append(prefix).append('"').append(String.format("%,d", thousands)).append("\"\n");
                                kanYen.merge(account[0] + "|" + side + "|" + kan, amount, Long::sum);
                                accountYen.merge(account[0], amount, Long::sum);
                                total += amount;
                            }
                        }
                    }
                }
            }
        }
        return new Book(yen.toString(), thousand.toString(), index, total, kanYen, accountYen);
    }

    private Api.Response importCsv(byte[] body, String query) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports/budget-csv?" + query))
                .header("Content-Type", "text/csv").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("finance-officer:" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                new ObjectMapper().readTree(response.body()), response.body(), response.headers());
    }

    /** The import's position once every read model has handled it (a large import takes them a while). */
    private long caughtUp(Api.Response imported) {
        long position = imported.number("position");
        long started = System.nanoTime();
        assertThat(progress.awaitPosition(position, Duration.ofMinutes(5))).as("read models reach " + position).isTrue();
        System.out.printf("BudgetCsvImportIT: the read models handled %,d lines in %,d ms after the import%n",
                imported.number("added"), (System.nanoTime() - started) / 1_000_000);
        return position;
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    /** The report's totals per 会計|side|款 code. */
    private static Map<String, Long> kanTotals(JsonNode report) {
        Map<String, Long> totals = new TreeMap<>();
        for (JsonNode account : report.get("accounts")) {
            for (JsonNode side : account.get("sides")) {
                String japanese = side.get("side").asText().equals("revenue") ? "歳入" : "歳出";
                for (JsonNode kan : side.get("kan")) {
                    totals.put(account.get("code").asText() + "|" + japanese + "|" + kan.get("code").asText(), kan.get("totalYen").asLong());
                }
            }
        }
        return totals;
    }

    private static Map<String, Long> accountTotals(JsonNode report) {
        Map<String, Long> totals = new TreeMap<>();
        report.get("accounts").forEach(a -> totals.put(a.get("code").asText(), a.get("totalYen").asLong()));
        return totals;
    }

    private List<JsonNode> lines(int fiscalYear, long position) {
        JsonNode list = api.get("/api/initiatives?fiscalYear=" + fiscalYear + "&minPosition=" + position).body();
        return StreamSupport.stream(list.spliterator(), false).toList();
    }

    @Test
    void aBudgetCsvImportsWithItsTotalsPerAccountSideAndKanAndASecondImportAddsNothing() throws Exception {
        Book book = book("2180年度", 4, 3, 1);
        assertThat(book.lines()).isEqualTo(432);
        Api.Response imported = importCsv(book.yenCsv().getBytes(StandardCharsets.UTF_8), "fileName=fy2180-tousho.csv");
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        assertThat(imported.number("fiscalYear")).isEqualTo(2180);
        assertThat(imported.number("added")).isEqualTo(432);
        assertThat(imported.number("totalYen")).isEqualTo(book.totalYen());
        assertThat(kanTotals(imported.body())).isEqualTo(book.kanYen());
        assertThat(accountTotals(imported.body())).isEqualTo(book.accountYen());
        assertThat(imported.body().at("/accounts/0/name").asText()).isEqualTo("一般会計");
        assertThat(imported.body().at("/accounts/0/sides/0/kan/0/name").asText()).isEqualTo("歳入款1");
        assertThat(imported.body().at("/document/charset").asText()).isEqualTo("UTF-8");
        long position = caughtUp(imported);

        List<JsonNode> lines = lines(2180, position);
        assertThat(lines).hasSize(432);
        assertThat(lines.stream().mapToLong(l -> l.get("amountYen").asLong()).sum()).isEqualTo(book.totalYen());
        assertThat(lines).extracting(l -> l.get("name").asText()).allMatch(name -> name.matches("節[123]"));
        assertThat(api.get("/api/totals?fiscalYear=2180&minPosition=" + position).number("totalYen")).isEqualTo(book.totalYen());
        String payload = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry
                        WHERE payloadType LIKE '%InitiativeAdded' AND aggregateIdentifier = ?""")
                .param(lines.get(0).get("id").asText()).query(String.class).single();
        assertThat(payload).contains("\"reason\":\"当初予算\"")
                .contains("fy2180-tousho.csv SHA-256:" + imported.body().at("/document/sha256").asText())
                .contains("\"classification\"");

        long before = events();
        Api.Response again = importCsv(book.yenCsv().getBytes(StandardCharsets.UTF_8), "fileName=fy2180-tousho.csv");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.number("added")).isZero();
        assertThat(again.number("alreadyPresent")).isEqualTo(432);
        assertThat(again.body().get("recorded").asBoolean()).isFalse();
        assertThat(again.text("message")).contains("already").contains("nothing was added");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theSameBookInShiftJisAndInThousandsComesOutToTheSameYen() throws Exception {
        Book book = book("", 4, 3, 2);
        Api.Response sjis = importCsv(book.yenCsv().getBytes(Charset.forName("windows-31j")), "fiscalYear=2181");
        assertThat(sjis.status()).as(sjis.raw()).isEqualTo(201);
        assertThat(sjis.body().at("/document/charset").asText()).isEqualTo("Shift_JIS");
        Api.Response thousands = importCsv(book.thousandCsv().getBytes(StandardCharsets.UTF_8), "fiscalYear=2182&unit=thousand");
        assertThat(thousands.status()).as(thousands.raw()).isEqualTo(201);
        assertThat(thousands.body().at("/document/unit").asText()).isEqualTo("千円");

        for (Api.Response response : List.of(sjis, thousands)) {
            assertThat(response.number("totalYen")).isEqualTo(book.totalYen());
            assertThat(kanTotals(response.body())).isEqualTo(book.kanYen());
        }
        assertThat(api.get("/api/totals?fiscalYear=2181&minPosition=" + caughtUp(sjis)).number("totalYen")).isEqualTo(book.totalYen());
        assertThat(api.get("/api/totals?fiscalYear=2182&minPosition=" + caughtUp(thousands)).number("totalYen")).isEqualTo(book.totalYen());
    }

    @Test
    void aWrongExpectedTotalRejectsTheWholeFileNamingBothFiguresAndRecordsNothing() throws Exception {
        Book book = book("2183", 4, 3, 3);
        long before = events();
        Api.Response rejected = importCsv(book.yenCsv().getBytes(StandardCharsets.UTF_8), "expectedTotalYen=" + (book.totalYen() + 1000));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.body().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("field").asText()).isEqualTo("expectedTotalYen");
            assertThat(e.get("reason").asText()).contains(String.format("%,d", book.totalYen())).contains(String.format("%,d", book.totalYen() + 1000));
        });
        assertThat(rejected.body().at("/report/recorded").asBoolean()).isFalse();
        assertThat(events()).isEqualTo(before);
        assertThat(api.get("/api/totals?fiscalYear=2183").number("initiativeCount")).isZero();

        Api.Response right = importCsv(book.yenCsv().getBytes(StandardCharsets.UTF_8), "dryRun=true&expectedTotalYen=" + book.totalYen());
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.body().get("recorded").asBoolean()).isFalse();
        assertThat(right.text("message")).contains("dry run").contains("432");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void everyRowProblemIsListedWithItsLineAndColumnAndNothingIsRecorded() throws Exception {
        Book book = book("2184", 1, 1, 4);
        List<String> rows = new ArrayList<>(List.of(book.yenCsv().split("\n")));
        rows.set(3, rows.get(3).replaceFirst(",[0-9]+$", ",△1000"));
        rows.set(5, rows.get(5).replace(",歳出,", ",支出金,").replace(",歳入,", ",支出金,"));
        long before = events();
        Api.Response rejected = importCsv((String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8), "");
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.body().get("errors")).hasSize(2);
        assertThat(rejected.body().get("errors").get(0).get("row").asInt()).isEqualTo(4);
        assertThat(rejected.body().get("errors").get(0).get("field").asText()).isEqualTo("予算額");
        assertThat(rejected.body().get("errors").get(1).get("row").asInt()).isEqualTo(6);
        assertThat(rejected.body().get("errors").get(1).get("field").asText()).isEqualTo("歳入歳出");
        assertThat(rejected.text("detail")).contains("row 4").contains("row 6");
        assertThat(events()).isEqualTo(before);

        Api.Response badUnit = importCsv(book.yenCsv().getBytes(StandardCharsets.UTF_8), "unit=man");
        assertThat(badUnit.status()).isEqualTo(400);
        assertThat(badUnit.raw()).contains("unit");
    }

    @Test
    void aSubjectNamedOtherwiseInTheYearOrEarlierInTheFileOrALineGivenTwiceRejectsTheFileAtItsRow() throws Exception {
        Book book = book("2186", 1, 1, 6);
        Api.Response first = importCsv(book.yenCsv().getBytes(StandardCharsets.UTF_8), "");
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        long position = caughtUp(first);
        String header = book.yenCsv().substring(0, book.yenCsv().indexOf('\n') + 1);
        long before = events();

        Api.Response renamed = importCsv((header + "1,2186,01,一般会計,歳入,1 別の款,01,歳入項1-1,9 目1-1-9,節1,総務課,備考,x,1000\n")
                .getBytes(StandardCharsets.UTF_8), "");
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(422);
        assertThat(renamed.body().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("row").asInt()).isEqualTo(2);
            assertThat(e.get("field").asText()).isEqualTo("科目");
            assertThat(e.get("reason").asText()).contains("'歳入款1', not '別の款'");
        });

        Api.Response twoNames = importCsv((header
                + "1,2186,01,一般会計,歳出,7 款七,01,項7-1,1 目7-1-1,節1,総務課,備考,x,1000\n"
                + "2,2186,01,一般会計,歳出,7 款なな,01,項7-1,2 目7-1-2,節1,総務課,備考,x,2000\n").getBytes(StandardCharsets.UTF_8), "");
        assertThat(twoNames.status()).as(twoNames.raw()).isEqualTo(422);
        assertThat(twoNames.body().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("row").asInt()).isEqualTo(3);
            assertThat(e.get("field").asText()).isEqualTo("款");
            assertThat(e.get("reason").asText()).contains("'款なな'").contains("'款七' on row 2");
        });

        String line = "2,2186,02,国民健康保険特別会計,歳出,8 款八,01,項8-1,1 目8-1-1,節1,財政課,備考,x,3000\n";
        Api.Response twice = importCsv((header + line + line).getBytes(StandardCharsets.UTF_8), "");
        assertThat(twice.status()).as(twice.raw()).isEqualTo(422);
        assertThat(twice.body().get("errors")).singleElement().satisfies(e -> assertThat(e.get("row").asInt()).isEqualTo(3));

        assertThat(events()).isEqualTo(before);
        JsonNode total = api.get("/api/totals?fiscalYear=2186&minPosition=" + position).body();
        assertThat(total.get("initiativeCount").asInt()).isEqualTo(book.lines());
        assertThat(total.get("totalYen").asLong()).isEqualTo(book.totalYen());
    }

    @Test
    void twentyThousandRowsImportInOneGo() throws Exception {
        Book book = book("2185", 93, 6, 5);
        String csv = book.yenCsv();
        int lines = book.lines();
        assertThat(lines).isGreaterThanOrEqualTo(20_000);
        long started = System.nanoTime();
        Api.Response imported = importCsv(csv.getBytes(StandardCharsets.UTF_8), "fileName=large.csv");
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("BudgetCsvImportIT: imported %,d rows (%,d bytes) in %,d ms%n", lines, csv.length(), millis);
        assertThat(imported.status()).as(imported.raw().substring(0, Math.min(2000, imported.raw().length()))).isEqualTo(201);
        assertThat(imported.number("added")).isEqualTo(lines);
        assertThat(imported.number("totalYen")).isEqualTo(book.totalYen());
        assertThat(kanTotals(imported.body())).isEqualTo(book.kanYen());
        JsonNode total = api.get("/api/totals?fiscalYear=2185&minPosition=" + caughtUp(imported)).body();
        assertThat(total.get("initiativeCount").asInt()).isEqualTo(lines);
        assertThat(total.get("totalYen").asLong()).isEqualTo(book.totalYen());
    }
}
