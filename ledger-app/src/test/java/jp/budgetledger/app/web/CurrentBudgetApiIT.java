package jp.budgetledger.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.eventstore.StoredEvents;
import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.EnactSupplementaryBudget;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import jp.budgetledger.core.api.SupplementaryItem;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.TransferId;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static jp.budgetledger.app.Marks.mark;
import static jp.budgetledger.app.web.ReportReads.at;
import static jp.budgetledger.app.web.ReportReads.level;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 予算現額 over HTTP, with figures worked out by hand and against {@code /api/totals/tree}. Fiscal year 2171,
 * 一般会計 (1), lines effective 2171-04-01:
 * <pre>
 * 歳入 1 市税 › 1 市民税 › 1 個人                       1,000,000
 * 歳出 2 総務費 › 1 総務管理費 › 1 一般管理費 (a)          600,000
 *      2 総務費 › 1 総務管理費 › 2 文書広報費 (b)          300,000
 *      14 予備費 › 1 予備費 › 1 予備費                     100,000
 * one unclassified line                                      7,000
 * t1 · 第1号補正予算 resolved 2171-09-01: a +50,000; new 3 民生費 › 1 社会福祉費 › 1 社会福祉総務費 40,000;
 *      new 歳入 19 繰越金 › 1 繰越金 › 1 繰越金 90,000
 * t2 · transfer b → a 20,000 from 2171-10-01 · t3
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurrentBudgetApiIT extends LedgerIT {

    private static final int FY = 2171;
    private static final String GENERAL = "1:一般会計";

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    StoredEvents store;
    Api api;
    Instant t1;
    Instant t2;
    Instant t3;
    long head;
    ReportReads reads;

    private static Classification classification(Side side, String kan, String kou, String moku) {
        return new Classification(level(GENERAL), side, new Subject(level(kan), level(kou), level(moku), null, null, null), null);
    }

    private InitiativeId add(String department, long yen, Classification c) {
        InitiativeId id = InitiativeId.generate();
        commands.sendAndWait(new AddInitiative(id, FiscalYear.of(FY), null, Department.of(department), c.subject().deepest().name(),
                Money.ofYen(yen), null, new ChangeContext(LocalDate.of(FY, 4, 1), "当初予算", "議案第1号", true), c));
        return id;
    }

    @BeforeAll
    void scenario() {
        api = new Api(port);
        add("税務課", 1_000_000, classification(Side.REVENUE, "1:市税", "1:市民税", "1:個人"));
        InitiativeId a = add("総務課", 600_000, classification(Side.EXPENDITURE, "2:総務費", "1:総務管理費", "1:一般管理費"));
        InitiativeId b = add("総務課", 300_000, classification(Side.EXPENDITURE, "2:総務費", "1:総務管理費", "2:文書広報費"));
        add("財政課", 100_000, classification(Side.EXPENDITURE, "14:予備費", "1:予備費", "1:予備費"));
        Api.Response unclassified = api.post("/api/initiatives", Api.line(FY, "1", "分類1", "総務部", "未分類の事業", 7_000));
        assertThat(unclassified.status()).as(unclassified.raw()).isEqualTo(201);
        t1 = mark();
        commands.sendAndWait(new EnactSupplementaryBudget(SupplementaryBudgetId.generate(), FiscalYear.of(FY), "第1号補正予算", "議案第50号",
                LocalDate.of(FY, 9, 1), "補正", List.of(SupplementaryItem.change(a, Money.ofYen(50_000)),
                SupplementaryItem.create(InitiativeId.generate(), new SupplementaryItem.NewLine(null, Department.of("福祉課"), "社会福祉総務費",
                        null, Money.ofYen(40_000), classification(Side.EXPENDITURE, "3:民生費", "1:社会福祉費", "1:社会福祉総務費"))),
                SupplementaryItem.create(InitiativeId.generate(), new SupplementaryItem.NewLine(null, Department.of("財政課"), "繰越金",
                        null, Money.ofYen(90_000), classification(Side.REVENUE, "19:繰越金", "1:繰越金", "1:繰越金"))))));
        t2 = mark();
        commands.sendAndWait(new TransferFunds(TransferId.generate(), b, a, Money.ofYen(20_000),
                new ChangeContext(LocalDate.of(FY, 10, 1), "流用", null)));
        t3 = mark();
        head = store.head();
        reads = new ReportReads(port, head);
    }

    private static String figures(JsonNode f) {
        List<Long> supplementary = new ArrayList<>();
        f.get("supplementaryYen").forEach(n -> supplementary.add(n.asLong()));
        return f.get("initialYen").asLong() + " " + supplementary + " " + f.get("reserveFundYen").asLong() + " "
                + f.get("transferYen").asLong() + " = " + f.get("currentYen").asLong();
    }

    /** The columns' headings, then per group its name and subtotal and its rows: code name: 当初 補正… 予備費 流用 = 現額. */
    private static String render(JsonNode report) {
        List<String> headers = new ArrayList<>();
        report.get("supplementaryBudgets").forEach(c -> headers.add(c.get("header").asText()));
        StringBuilder out = new StringBuilder("columns " + headers + "\n");
        for (JsonNode group : report.get("groups")) {
            out.append(group.get("accountName").asText()).append(' ').append(group.get("sideName").asText()).append(": ")
                    .append(figures(group.get("subtotal"))).append('\n');
            for (JsonNode row : group.get("rows")) {
                out.append("  ").append(row.get("code").asText()).append(' ').append(row.get("name").asText()).append(": ")
                        .append(figures(row.get("figures"))).append('\n');
            }
        }
        return out.append("total: ").append(figures(report.get("total"))).append('\n').toString();
    }

    @Test
    void eachMokuWithItsColumnsAfterTheSupplementaryBudgetAndTheTransfer() {
        assertThat(render(reads.get("/api/reports/current-budget?fiscalYear=2171"))).isEqualTo("""
                columns [令和153年度一般会計補正予算（第1号）]
                一般会計 歳入: 1000000 [90000] 0 0 = 1090000
                  1 個人: 1000000 [0] 0 0 = 1000000
                  1 繰越金: 0 [90000] 0 0 = 90000
                一般会計 歳出: 1000000 [90000] 0 0 = 1090000
                  1 一般管理費: 600000 [50000] 0 20000 = 670000
                  2 文書広報費: 300000 [0] 0 -20000 = 280000
                  1 社会福祉総務費: 0 [40000] 0 0 = 40000
                  1 予備費: 100000 [0] 0 0 = 100000
                未分類 null: 7000 [0] 0 0 = 7000
                  null 未分類: 7000 [0] 0 0 = 7000
                total: 2007000 [180000] 0 0 = 2187000
                """);
    }

    @Test
    void the予算現額IsTheTreesTotalBeforeAndAfterTheSupplementaryBudgetAndTheTransfer() {
        for (String moment : List.of(at(t3, "2171-08-01"), at(t3, "2171-09-15"), at(t3, "2172-03-31"), at(t1, "2172-03-31"),
                at(t2, "2172-03-31"))) {
            Map<String, Long> tree = new LinkedHashMap<>();
            long treeTotal = 0;
            for (JsonNode account : reads.get("/api/totals/tree?fiscalYear=2171&level=moku" + moment)) {
                treeTotal += account.get("totalYen").asLong();
                mokuTotals(account, "", tree);
            }
            JsonNode report = reads.get("/api/reports/current-budget?fiscalYear=2171&level=moku" + moment);
            Map<String, Long> current = new LinkedHashMap<>();
            for (JsonNode group : report.get("groups")) {
                for (JsonNode row : group.get("rows")) {
                    List<String> path = new ArrayList<>(List.of(group.get("accountName").asText()));
                    if (!group.get("sideName").isNull()) {
                        path.add(group.get("sideName").asText());
                    }
                    row.get("path").forEach(n -> path.add(n.asText()));
                    current.put(String.join("/", path), row.get("figures").get("currentYen").asLong());
                    assertAddsUp(row.get("figures"), moment);
                }
                assertAddsUp(group.get("subtotal"), moment);
            }
            assertThat(current).as("per 目 at %s", moment).containsExactlyInAnyOrderEntriesOf(tree);
            assertThat(report.get("total").get("currentYen").asLong()).as("total at %s", moment).isEqualTo(treeTotal);
            assertAddsUp(report.get("total"), moment);
        }
        assertThat(render(reads.get("/api/reports/current-budget?fiscalYear=2171&account=1&level=kan" + at(t3, "2171-09-15"))))
                .as("after the supplementary budget, before the transfer takes effect").isEqualTo("""
                        columns [令和153年度一般会計補正予算（第1号）]
                        一般会計 歳入: 1000000 [90000] 0 0 = 1090000
                          1 市税: 1000000 [0] 0 0 = 1000000
                          19 繰越金: 0 [90000] 0 0 = 90000
                        一般会計 歳出: 1000000 [90000] 0 0 = 1090000
                          2 総務費: 900000 [50000] 0 0 = 950000
                          3 民生費: 0 [40000] 0 0 = 40000
                          14 予備費: 100000 [0] 0 0 = 100000
                        total: 2000000 [180000] 0 0 = 2180000
                        """);
        assertThat(render(reads.get("/api/reports/current-budget?fiscalYear=2171&account=1&level=kou" + at(t1, "2172-03-31"))))
                .as("recorded before the supplementary budget").startsWith("columns []\n");
    }

    /** The 目 under {@code node} (a tree node of {@code /api/totals/tree}) by the names of their path. */
    private static void mokuTotals(JsonNode node, String above, Map<String, Long> totals) {
        String path = above.isEmpty() ? node.get("name").asText() : above + "/" + node.get("name").asText();
        if (node.get("level").asText().equals("moku") || (above.isEmpty() && node.get("children").isEmpty())) {
            totals.put(path, node.get("totalYen").asLong());
            return;
        }
        node.get("children").forEach(child -> mokuTotals(child, path, totals));
    }

    private static void assertAddsUp(JsonNode figures, String moment) {
        long sum = figures.get("initialYen").asLong() + figures.get("reserveFundYen").asLong() + figures.get("transferYen").asLong();
        for (JsonNode yen : figures.get("supplementaryYen")) {
            sum += yen.asLong();
        }
        assertThat(sum).as("the columns of %s at %s", figures, moment).isEqualTo(figures.get("currentYen").asLong());
    }

    @Test
    void eachLineAsCsvInThousandsOfYen() throws Exception {
        String title = FiscalYear.of(FY).japaneseName() + " 予算現額(2172年3月31日現在)";
        assertThat(reads.csv("/api/reports/current-budget?fiscalYear=2171&account=1&level=line&format=csv")).isEqualTo(List.of(
                List.of(title),
                List.of(""),
                List.of("一般会計 歳入"),
                List.of("(単位:千円)"),
                List.of("款", "項", "目", "事業", "当初予算額", "令和153年度一般会計補正予算（第1号）", "予備費充用額", "流用増減", "予算現額"),
                List.of("市税", "市民税", "個人", "個人", "1,000", "0", "0", "0", "1,000"),
                List.of("繰越金", "繰越金", "繰越金", "繰越金", "0", "90", "0", "0", "90"),
                List.of("歳入合計", "", "", "", "1,000", "90", "0", "0", "1,090"),
                List.of(""),
                List.of("一般会計 歳出"),
                List.of("款", "項", "目", "事業", "当初予算額", "令和153年度一般会計補正予算（第1号）", "予備費充用額", "流用増減", "予算現額"),
                List.of("総務費", "総務管理費", "一般管理費", "一般管理費", "600", "50", "0", "20", "670"),
                List.of("", "", "文書広報費", "文書広報費", "300", "0", "0", "△20", "280"),
                List.of("民生費", "社会福祉費", "社会福祉総務費", "社会福祉総務費", "0", "40", "0", "0", "40"),
                List.of("予備費", "予備費", "予備費", "予備費", "100", "0", "0", "0", "100"),
                List.of("歳出合計", "", "", "", "1,000", "90", "0", "0", "1,090"),
                List.of(""),
                List.of("総計", "", "", "", "2,000", "180", "0", "0", "2,180")));
    }

    @Test
    void eachMokuAsXlsx() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(reads.download("/api/reports/current-budget?fiscalYear=2171&format=xlsx")))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> rows = new ArrayList<>();
            for (var row : sheet) {
                if (row.getLastCellNum() == 8 && row.getCell(7).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    rows.add(row.getCell(2).getStringCellValue() + "|" + (long) row.getCell(3).getNumericCellValue() + "|"
                            + (long) row.getCell(4).getNumericCellValue() + "|" + (long) row.getCell(6).getNumericCellValue() + "|"
                            + (long) row.getCell(7).getNumericCellValue());
                }
            }
            assertThat(rows).as("目, then the side's total; the total last").containsExactly(
                    "1 個人|1000|0|0|1000", "1 繰越金|0|90|0|90", "|1000|90|0|1090",
                    "1 一般管理費|600|50|20|670", "2 文書広報費|300|0|-20|280", "1 社会福祉総務費|0|40|0|40", "1 予備費|100|0|0|100",
                    "|1000|90|0|1090", "未分類|7|0|0|7", "|7|0|0|7", "|2007|180|0|2187");
        }
    }

    @Test
    void anUnknownLevelIsRefusedNamingTheField() {
        Api.Response response = api.get("/api/reports/current-budget?fiscalYear=2171&level=setsu");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("level");
    }

}
