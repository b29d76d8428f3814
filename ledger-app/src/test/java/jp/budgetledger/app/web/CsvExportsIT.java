package jp.budgetledger.app.web;

import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every CSV export writes text that a spreadsheet would run as a formula with a leading
 * {@code '}, and its amounts as they were. Fiscal year 2110: two classified lines whose names,
 * summaries, subjects and reasons start with {@code =}, {@code +}, {@code -} and {@code @}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvExportsIT extends LedgerIT {

    private static final int FY = 2110;
    private static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";

    @LocalServerPort
    int port;
    ReportReads reads;
    long head;

    @BeforeAll
    void formulaLookingLines() {
        Api api = new Api(port);
        for (String[] line : List.of(
                new String[]{HYPERLINK, "+2+3", "=款", "+項", "-目", "@SUM(1+1)", "300000"},
                new String[]{"-減額事業", "@cmd", "=款", "+項", "@目二", "-1+1", "250000"})) {
            Api.Response added = api.post("/api/initiatives", """
                    {"fiscalYear": %d, "categoryCode": "1", "categoryName": "分類", "department": "=総務部", "name": %s,
                     "summary": "%s", "amountYen": %s, "reason": "%s", "reference": "+議案", "accountCode": "1", "accountName": "一般会計",
                     "side": "expenditure", "subject": {"kan": {"code": "2", "name": "%s"}, "kou": {"code": "1", "name": "%s"},
                     "moku": {"code": "%d", "name": "%s"}}}""".formatted(FY, json(line[0]), line[1], line[6], line[5], line[2], line[3],
                    line[4].startsWith("@目二") ? 2 : 1, line[4]));
            assertThat(added.status()).as(added.raw()).isEqualTo(201);
            head = added.number("position");
            if (line[0].startsWith("-")) {
                Api.Response amended = api.post("/api/initiatives/" + added.text("id") + "/amendments",
                        "{\"newAmountYen\": 200000, \"reason\": \"=減額\"}");
                assertThat(amended.status()).as(amended.raw()).isEqualTo(200);
                head = amended.number("position");
            }
        }
        reads = new ReportReads(port, head);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** No cell starts as a formula would, unless it is a plain integer; the cells that did are there with a leading '. */
    private static void assertNeutralised(List<List<String>> records, String... expected) {
        List<String> cells = records.stream().flatMap(List::stream).toList();
        assertThat(cells).as("cells a spreadsheet would run").noneMatch(c -> !c.matches("-?[0-9]+") && !c.isEmpty()
                && "=+-@\t\r".indexOf(c.charAt(0)) >= 0);
        assertThat(cells).contains(expected);
    }

    @Test
    void theAuditLogCsv() throws Exception {
        Api.Response response = new Api(port).get("/api/audit/events?format=csv&fiscalYear=" + FY + "&minPosition=" + head);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.raw()).startsWith("\uFEFF");
        List<List<String>> records = new ArrayList<>();
        for (CSVRecord record : CSVFormat.EXCEL.parse(new StringReader(response.raw().substring(1)))) {
            records.add(record.toList());
        }
        List<String> header = records.get(0);
        assertNeutralised(records, "'=総務部", "'@SUM(1+1)", "'-1+1", "'+議案", "'=減額");
        List<String> amendment = records.stream().filter(r -> r.contains("'=減額")).findFirst().orElseThrow();
        assertThat(amendment.get(header.indexOf("amountBeforeYen"))).isEqualTo("250000");
        assertThat(amendment.get(header.indexOf("amountAfterYen"))).isEqualTo("200000");
    }

    @Test
    void theBetsuCsv() throws Exception {
        List<List<String>> records = reads.csv("/api/reports/betsu?format=csv&fiscalYear=" + FY);
        assertNeutralised(records, "'" + HYPERLINK, "'-減額事業", "'+2+3", "'@cmd");
        List<String> hyperlink = records.stream().filter(r -> r.contains("'" + HYPERLINK)).findFirst().orElseThrow();
        assertThat(hyperlink).as("amounts in 千円 as numbers").contains("300");
    }

    @Test
    void table1DetailAndTheCurrentBudgetCsv() throws Exception {
        assertNeutralised(reads.csv("/api/reports/table1?format=csv&fiscalYear=" + FY), "2 =款", "1 +項");
        assertNeutralised(reads.csv("/api/reports/detail?format=csv&fiscalYear=" + FY), "1 -目", "2 @目二");
        List<List<String>> current = reads.csv("/api/reports/current-budget?format=csv&level=line&fiscalYear=" + FY);
        assertNeutralised(current, "'" + HYPERLINK, "'-減額事業");
        List<String> reduced = current.stream().filter(r -> r.contains("'-減額事業")).findFirst().orElseThrow();
        assertThat(reduced).as("the amended line in 千円").contains("200");
    }
}
