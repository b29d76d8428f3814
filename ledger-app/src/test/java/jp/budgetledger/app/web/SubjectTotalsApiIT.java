package jp.budgetledger.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.TreeText;
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
import jp.budgetledger.core.document.BudgetTableLayout;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static jp.budgetledger.app.Marks.mark;
import static jp.budgetledger.app.web.ReportReads.at;
import static jp.budgetledger.app.web.ReportReads.level;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Totals per 会計, side and 科目 over HTTP, and the 第1表 / 事項別明細書 exports, with figures worked out by hand.
 * Fiscal year 2075 (lines added through the command gateway, effective 2075-04-01; t1 after them):
 * <pre>
 * 一般会計 (1) 歳入  1 市税 › 1 市民税 › 1 個人 600,000,000 · 2 法人 150,000,000; › 2 固定資産税 › 1 固定資産税 250,000,000
 *                   2 地方譲与税 › 1 地方揮発油譲与税 › 1 地方揮発油譲与税 1,234,567
 *                   10 地方交付税 › 1 地方交付税 › 1 地方交付税 100,000,000
 *             歳出  2 総務費 › 1 総務管理費 › 1 一般管理費 › 節 2 給料 500,000,000 · 節 3 職員手当等 200,000,000 (総務課)
 *                   2 総務費 › 2 徴税費 › 1 税務総務費 100,000,000 (税務課)
 *                   3 民生費 › 1 社会福祉費 › 1 社会福祉総務費 300,000,000 (福祉課)
 * 国民健康保険事業特別会計 (2) 歳入 1 国民健康保険税 › 1 › 1 80,000,000; 歳出 2 保険給付費 › 1 療養諸費 › 1 80,000,000
 * one unclassified line (category 1) 7,000, through the API
 * t2: 第1号補正 resolved 2075-09-01: 歳入 19 繰越金 › 1 › 1 new 50,000,000; 歳出 社会福祉総務費 +30,000,000,
 *     3 民生費 › 1 社会福祉費 › 2 障害者福祉費 new 20,000,000
 * </pre>
 * Fiscal year 2074 (前年度): 歳出 一般管理費 650,000,000, 2 徴税費 › 2 賦課徴収費 10,000,000; 歳入 個人 580,000,000.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectTotalsApiIT extends LedgerIT {

    private static final int FY = 2075;

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    StoredEvents store;
    Api api;
    Instant t1;
    Instant t2;
    String budget;
    long head;
    ReportReads reads;

    /** {@code levels}: 款, 項, 目 and optionally 節, each {@code code:name}. */
    private static Classification classification(String account, Side side, String... levels) {
        return new Classification(level(account), side, new Subject(level(levels[0]), level(levels[1]), level(levels[2]), null,
                levels.length > 3 ? level(levels[3]) : null, null), null);
    }

    private void add(int year, String department, long yen, Classification c) {
        commands.sendAndWait(new AddInitiative(InitiativeId.generate(), FiscalYear.of(year), null, Department.of(department),
                c.subject().deepest().name(), Money.ofYen(yen), null, new ChangeContext(LocalDate.of(year, 4, 1), "当初予算", "議案第1号", true), c));
    }

    @BeforeAll
    void scenario() {
        api = new Api(port);
        String general = "1:一般会計";
        String health = "2:国民健康保険事業特別会計";
        add(FY, "税務課", 600_000_000, classification(general, Side.REVENUE, "1:市税", "1:市民税", "1:個人"));
        add(FY, "税務課", 150_000_000, classification(general, Side.REVENUE, "1:市税", "1:市民税", "2:法人"));
        add(FY, "税務課", 250_000_000, classification(general, Side.REVENUE, "1:市税", "2:固定資産税", "1:固定資産税"));
        add(FY, "財政課", 1_234_567, classification(general, Side.REVENUE, "2:地方譲与税", "1:地方揮発油譲与税", "1:地方揮発油譲与税"));
        add(FY, "財政課", 100_000_000, classification(general, Side.REVENUE, "10:地方交付税", "1:地方交付税", "1:地方交付税"));
        add(FY, "総務課", 500_000_000, classification(general, Side.EXPENDITURE, "2:総務費", "1:総務管理費", "1:一般管理費", "2:給料"));
        add(FY, "総務課", 200_000_000, classification(general, Side.EXPENDITURE, "2:総務費", "1:総務管理費", "1:一般管理費", "3:職員手当等"));
        add(FY, "税務課", 100_000_000, classification(general, Side.EXPENDITURE, "2:総務費", "2:徴税費", "1:税務総務費"));
        Classification welfare = classification(general, Side.EXPENDITURE, "3:民生費", "1:社会福祉費", "1:社会福祉総務費");
        InitiativeId welfareLine = InitiativeId.generate();
        commands.sendAndWait(new AddInitiative(welfareLine, FiscalYear.of(FY), null, Department.of("福祉課"), "社会福祉総務費",
                Money.ofYen(300_000_000), null, new ChangeContext(LocalDate.of(FY, 4, 1), "当初予算", null, true), welfare));
        add(FY, "保険年金課", 80_000_000, classification(health, Side.REVENUE, "1:国民健康保険税", "1:国民健康保険税", "1:一般被保険者国民健康保険税"));
        add(FY, "保険年金課", 80_000_000, classification(health, Side.EXPENDITURE, "2:保険給付費", "1:療養諸費", "1:一般被保険者療養給付費"));
        add(FY - 1, "総務課", 650_000_000, classification(general, Side.EXPENDITURE, "2:総務費", "1:総務管理費", "1:一般管理費"));
        add(FY - 1, "税務課", 10_000_000, classification(general, Side.EXPENDITURE, "2:総務費", "2:徴税費", "2:賦課徴収費"));
        add(FY - 1, "税務課", 580_000_000, classification(general, Side.REVENUE, "1:市税", "1:市民税", "1:個人"));
        Api.Response unclassified = api.post("/api/initiatives", Api.line(FY, "1", "分類1", "総務部", "未分類の事業", 7_000));
        assertThat(unclassified.status()).as(unclassified.raw()).isEqualTo(201);
        t1 = mark();
        SupplementaryBudgetId id = SupplementaryBudgetId.generate();
        budget = id.value();
        commands.sendAndWait(new EnactSupplementaryBudget(id, FiscalYear.of(FY), "第1号補正予算", "議案第50号", LocalDate.of(FY, 9, 1), "補正",
                List.of(SupplementaryItem.create(InitiativeId.generate(), new SupplementaryItem.NewLine(null, Department.of("財政課"), "繰越金",
                                null, Money.ofYen(50_000_000), classification(general, Side.REVENUE, "19:繰越金", "1:繰越金", "1:繰越金"))),
                        SupplementaryItem.change(welfareLine, Money.ofYen(30_000_000)),
                        SupplementaryItem.create(InitiativeId.generate(), new SupplementaryItem.NewLine(null, Department.of("福祉課"), "障害者福祉費",
                                null, Money.ofYen(20_000_000),
                                classification(general, Side.EXPENDITURE, "3:民生費", "1:社会福祉費", "2:障害者福祉費")))), true));
        t2 = mark();
        head = store.head();
        reads = new ReportReads(port, head);
    }

    private static List<String> subjects(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false)
                .map(i -> String.join("/", StreamSupport.stream(i.get("path").spliterator(), false).map(JsonNode::asText).toList())
                        + "=" + i.get("totalYen").asLong() + "x" + i.get("lineCount").asInt())
                .toList();
    }

    @Test
    void theTreeOfTheCurrentBudgetDownToTheMoku() {
        assertThat(TreeText.render(reads.get("/api/totals/tree?fiscalYear=2075&account=1"))).isEqualTo("""
                account 1 一般会計 2301234567 11
                  side expenditure 歳出 1150000000 5
                    kan 2 総務費 800000000 3
                      kou 1 総務管理費 700000000 2
                        moku 1 一般管理費 700000000 2
                      kou 2 徴税費 100000000 1
                        moku 1 税務総務費 100000000 1
                    kan 3 民生費 350000000 2
                      kou 1 社会福祉費 350000000 2
                        moku 1 社会福祉総務費 330000000 1
                        moku 2 障害者福祉費 20000000 1
                  side revenue 歳入 1151234567 6
                    kan 1 市税 1000000000 3
                      kou 1 市民税 750000000 2
                        moku 1 個人 600000000 1
                        moku 2 法人 150000000 1
                      kou 2 固定資産税 250000000 1
                        moku 1 固定資産税 250000000 1
                    kan 2 地方譲与税 1234567 1
                      kou 1 地方揮発油譲与税 1234567 1
                        moku 1 地方揮発油譲与税 1234567 1
                    kan 10 地方交付税 100000000 1
                      kou 1 地方交付税 100000000 1
                        moku 1 地方交付税 100000000 1
                    kan 19 繰越金 50000000 1
                      kou 1 繰越金 50000000 1
                        moku 1 繰越金 50000000 1
                """);
        JsonNode all = reads.get("/api/totals/tree?fiscalYear=2075&depth=account");
        assertThat(TreeText.render(all)).isEqualTo("""
                account 1 一般会計 2301234567 11
                account 2 国民健康保険事業特別会計 160000000 2
                account - 未分類 7000 1
                """);
        JsonNode total = reads.get("/api/totals?fiscalYear=2075");
        assertThat(total.get("totalYen").asLong()).isEqualTo(2_301_234_567L + 160_000_000L + 7_000L);
        assertThat(total.get("initiativeCount").asInt()).isEqualTo(14);
    }

    @Test
    void depthAndFilters() {
        assertThat(TreeText.render(reads.get("/api/totals/tree?fiscalYear=2075&account=01&side=expenditure&depth=setsu"))).startsWith("""
                account 1 一般会計 1150000000 5
                  side expenditure 歳出 1150000000 5
                    kan 2 総務費 800000000 3
                      kou 1 総務管理費 700000000 2
                        moku 1 一般管理費 700000000 2
                          setsu 2 給料 500000000 1
                          setsu 3 職員手当等 200000000 1
                      kou 2 徴税費 100000000 1
                        moku 1 税務総務費 100000000 1
                """);
        assertThat(TreeText.render(reads.get("/api/totals/tree?fiscalYear=2075&side=revenue&depth=kan"))).isEqualTo("""
                account 1 一般会計 1151234567 6
                  side revenue 歳入 1151234567 6
                    kan 1 市税 1000000000 3
                    kan 2 地方譲与税 1234567 1
                    kan 10 地方交付税 100000000 1
                    kan 19 繰越金 50000000 1
                account 2 国民健康保険事業特別会計 80000000 1
                  side revenue 歳入 80000000 1
                    kan 1 国民健康保険税 80000000 1
                """);
        assertThat(reads.get("/api/totals/departments?fiscalYear=2075&side=expenditure").toString()).isEqualTo(
                "[{\"department\":\"総務課\",\"totalYen\":700000000,\"initiativeCount\":2},"
                        + "{\"department\":\"税務課\",\"totalYen\":100000000,\"initiativeCount\":1},"
                        + "{\"department\":\"福祉課\",\"totalYen\":350000000,\"initiativeCount\":2},"
                        + "{\"department\":\"保険年金課\",\"totalYen\":80000000,\"initiativeCount\":1}]");
        assertThat(reads.get("/api/totals/departments?fiscalYear=2075&account=2").toString())
                .isEqualTo("[{\"department\":\"保険年金課\",\"totalYen\":160000000,\"initiativeCount\":2}]");
        assertThat(reads.get("/api/totals/categories?fiscalYear=2075&account=1")).isEmpty();
        assertThat(reads.get("/api/totals/categories?fiscalYear=2075").toString())
                .isEqualTo("[{\"categoryCode\":\"1\",\"categoryName\":\"分類1\",\"totalYen\":7000,\"initiativeCount\":1}]");
        for (String bad : List.of("/api/totals/tree?fiscalYear=2075&depth=deep", "/api/totals/tree?fiscalYear=2075&side=both",
                "/api/totals/subjects?fiscalYear=2075&level=side")) {
            Api.Response response = api.get(bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().get("errors").get(0).get("field").asText()).isIn("depth", "side", "level");
        }
    }

    @Test
    void subjectTotalsAtTwoEffectiveDaysAndTwoRecordedMoments() {
        String kou = "/api/totals/subjects?fiscalYear=2075&account=1&side=expenditure&level=kou";
        List<String> initial = List.of("一般会計/歳出/総務費/総務管理費=700000000x2", "一般会計/歳出/総務費/徴税費=100000000x1",
                "一般会計/歳出/民生費/社会福祉費=300000000x1");
        List<String> after = List.of("一般会計/歳出/総務費/総務管理費=700000000x2", "一般会計/歳出/総務費/徴税費=100000000x1",
                "一般会計/歳出/民生費/社会福祉費=350000000x2");
        assertThat(subjects(reads.get(kou + at(t1, "2075-08-01")))).isEqualTo(initial);
        assertThat(subjects(reads.get(kou + at(t1, "2075-10-01")))).as("the supplementary budget not yet recorded").isEqualTo(initial);
        assertThat(subjects(reads.get(kou + at(t2, "2075-08-01")))).as("recorded, not yet in force").isEqualTo(initial);
        assertThat(subjects(reads.get(kou + at(t2, "2075-10-01")))).isEqualTo(after);
        assertThat(subjects(reads.get(kou + "&stage=initial"))).isEqualTo(initial);
        assertThat(subjects(reads.get(kou + "&stage=" + budget))).isEqualTo(after);
        assertThat(subjects(reads.get(kou))).isEqualTo(after);

        String kan = "/api/totals/subjects?fiscalYear=2075&side=revenue&level=kan";
        assertThat(subjects(reads.get(kan + at(t2, "2075-08-01")))).isEqualTo(List.of("一般会計/歳入/市税=1000000000x3",
                "一般会計/歳入/地方譲与税=1234567x1", "一般会計/歳入/地方交付税=100000000x1", "国民健康保険事業特別会計/歳入/国民健康保険税=80000000x1"));
        assertThat(subjects(reads.get(kan + at(t2, "2075-10-01")))).isEqualTo(List.of("一般会計/歳入/市税=1000000000x3",
                "一般会計/歳入/地方譲与税=1234567x1", "一般会計/歳入/地方交付税=100000000x1", "一般会計/歳入/繰越金=50000000x1",
                "国民健康保険事業特別会計/歳入/国民健康保険税=80000000x1"));
        assertThat(subjects(reads.get("/api/totals/subjects?fiscalYear=2075&account=1&level=setsu")))
                .isEqualTo(List.of("一般会計/歳出/総務費/総務管理費/一般管理費/給料=500000000x1", "一般会計/歳出/総務費/総務管理費/一般管理費/職員手当等=200000000x1"));
    }

    @Test
    void theBalanceOfEach会計AfterAndBeforeTheSupplementaryBudget() {
        assertThat(reads.get("/api/totals/balance?fiscalYear=2075").toString()).isEqualTo(
                "[{\"accountCode\":\"1\",\"accountName\":\"一般会計\",\"revenueYen\":1151234567,\"expenditureYen\":1150000000,\"differenceYen\":1234567},"
                        + "{\"accountCode\":\"2\",\"accountName\":\"国民健康保険事業特別会計\",\"revenueYen\":80000000,\"expenditureYen\":80000000,\"differenceYen\":0}]");
        assertThat(reads.get("/api/totals/balance?fiscalYear=2075&stage=initial").get(0).toString()).isEqualTo(
                "{\"accountCode\":\"1\",\"accountName\":\"一般会計\",\"revenueYen\":1101234567,\"expenditureYen\":1100000000,\"differenceYen\":1234567}");
        assertThat(reads.get("/api/totals/balance?fiscalYear=2075" + at(t2, "2075-08-01")).get(0).get("revenueYen").asLong()).isEqualTo(1_101_234_567L);
    }

    @Test
    void theBundledSampleIsOneUnclassifiedNodeWithTodaysTotals() {
        JsonNode total = reads.get("/api/totals?fiscalYear=2020");
        assertThat(total.get("totalYen").asLong()).isEqualTo(312_451_000L);
        assertThat(reads.get("/api/totals/tree?fiscalYear=2020").toString()).isEqualTo(
                "[{\"level\":\"account\",\"code\":null,\"name\":\"未分類\",\"totalYen\":312451000,\"lineCount\":16,\"children\":[]}]");
        assertThat(reads.get("/api/totals/balance?fiscalYear=2020")).isEmpty();
        assertThat(reads.get("/api/totals/subjects?fiscalYear=2020&level=kan")).isEmpty();
        assertThat(reads.get("/api/totals/departments?fiscalYear=2020&effectiveOn=2021-03-31"))
                .isEqualTo(reads.get("/api/totals/departments?fiscalYear=2020"));
    }

    @Test
    void theLiteralReplayReproducesTheTotalsPer款項目() {
        Api.Response replay = api.post("/api/audit/replays", "{\"fiscalYear\": 2075, \"effectiveOn\": \"2075-10-01\"}");
        assertThat(replay.status()).as(replay.raw()).isEqualTo(200);
        assertThat(replay.body().get("matches").asBoolean()).as(replay.raw()).isTrue();
        JsonNode subjects = replay.body().get("replay").get("subjectsYen");
        assertThat(subjects.get("1|expenditure|2/1").asLong()).isEqualTo(700_000_000L);
        assertThat(subjects.get("1|expenditure|3/1/1").asLong()).isEqualTo(330_000_000L);
        assertThat(subjects.get("1|revenue|19").asLong()).isEqualTo(50_000_000L);
        assertThat(replay.body().get("readModel").get("subjectsYen")).isEqualTo(subjects);
        Api.Response before = api.post("/api/audit/replays", "{\"fiscalYear\": 2075, \"effectiveOn\": \"2075-08-01\"}");
        assertThat(before.body().get("matches").asBoolean()).as(before.raw()).isTrue();
        assertThat(before.body().get("replay").get("subjectsYen").get("1|expenditure|3/1/1").asLong()).isEqualTo(300_000_000L);
    }

    @Test
    void table1AsCsvInTheLayoutOfTheBook() throws Exception {
        String title = FiscalYear.of(FY).japaneseName() + " 第1表 歳入歳出予算";
        assertThat(reads.csv("/api/reports/table1?fiscalYear=2075&account=2&format=csv")).isEqualTo(List.of(
                List.of(title),
                List.of(""),
                List.of("国民健康保険事業特別会計"),
                List.of("歳入"),
                List.of("(単位:千円)"),
                List.of("款", "項", "金額"),
                List.of("1 国民健康保険税", "", "80,000"),
                List.of("", "1 国民健康保険税", "80,000"),
                List.of("歳入合計", "", "80,000"),
                List.of(""),
                List.of("歳出"),
                List.of("款", "項", "金額"),
                List.of("2 保険給付費", "", "80,000"),
                List.of("", "1 療養諸費", "80,000"),
                List.of("歳出合計", "", "80,000"),
                List.of("")));
    }

    @Test
    void table1AsXlsxWithThousandsOfYenRoundedAsThe別紙Does() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(reads.download("/api/reports/table1?fiscalYear=2075&account=1&format=xlsx")))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> revenue = new ArrayList<>();
            boolean inRevenue = false;
            for (Row row : sheet) {
                String first = row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue();
                if (first.equals("歳入")) {
                    inRevenue = true;
                } else if (first.equals("歳出")) {
                    inRevenue = false;
                }
                if (inRevenue && row.getLastCellNum() == 3 && row.getCell(2).getCellType() == CellType.NUMERIC) {
                    revenue.add(first + "|" + row.getCell(1).getStringCellValue() + "|" + (long) row.getCell(2).getNumericCellValue());
                }
            }
            assertThat(revenue).containsExactly("1 市税||1000000", "|1 市民税|750000", "|2 固定資産税|250000",
                    "2 地方譲与税||1235", "|1 地方揮発油譲与税|1235", "10 地方交付税||100000", "|1 地方交付税|100000",
                    "19 繰越金||50000", "|1 繰越金|50000", "歳入合計||1151235");
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo(BudgetTableLayout.ROUNDING_NOTE);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(FiscalYear.of(FY).japaneseName() + " 第1表 歳入歳出予算");
        }
    }

    @Test
    void table1AsPdfPrintsEachAccountsKanAndKouWithTheirTotalsInThousandsOfYen() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(reads.download("/api/reports/table1?fiscalYear=2075&format=pdf"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(FiscalYear.of(FY).japaneseName() + " 第1表 歳入歳出予算", "一般会計", "国民健康保険事業特別会計",
                    "(単位:千円)", "1 市税", "1 市民税", "750,000", "2 固定資産税", "250,000", "19 繰越金", "歳入合計", "1,151,235",
                    "3 民生費", "350,000", "歳出合計", "2 保険給付費", "80,000", BudgetTableLayout.ROUNDING_NOTE);
        }
    }

    @Test
    void theSummaryOfTheSupplementaryBudgetShowsTheKanAndKouItChangedBeforeAndAfter() throws Exception {
        JsonNode summary = reads.get("/api/supplementary-budgets/" + budget + "/summary");
        assertThat(summary.get("title").asText()).endsWith(" 第1表 歳入歳出予算補正");
        List<String> rows = new ArrayList<>();
        summary.get("records").forEach(r -> rows.add(r.get("会計").asText() + " " + r.get("歳入歳出").asText() + " " + r.path("款").asText("")
                + "|" + r.path("項").asText("") + " " + r.get("補正前の額(円)").asLong() + " " + r.get("補正額(円)").asLong() + " " + r.get("計(円)").asLong()));
        assertThat(rows).containsExactly(
                "一般会計 歳入 19 繰越金| 0 50000000 50000000",
                "一般会計 歳入 |1 繰越金 0 50000000 50000000",
                "一般会計 歳入 歳入合計| 1101234567 50000000 1151234567",
                "一般会計 歳出 3 民生費| 300000000 50000000 350000000",
                "一般会計 歳出 |1 社会福祉費 300000000 50000000 350000000",
                "一般会計 歳出 歳出合計| 1100000000 50000000 1150000000");
        List<List<String>> csv = reads.csv("/api/supplementary-budgets/" + budget + "/summary?format=csv");
        assertThat(csv).contains(List.of("19 繰越金", "", "0", "50,000", "50,000"), List.of("歳入合計", "", "1,101,235", "50,000", "1,151,235"));
    }

    @Test
    void theDetailedStatementSetsEachMokuBesideThePreviousYear() throws Exception {
        JsonNode detail = reads.get("/api/reports/detail?fiscalYear=2075&account=1&format=json");
        assertThat(detail.get("unit").asText()).isEqualTo("千円");
        List<String> expenditure = StreamSupport.stream(detail.get("records").spliterator(), false)
                .filter(r -> r.get("歳入歳出").asText().equals("歳出"))
                .map(r -> r.get("区分").asText() + " " + (r.get("目").isNull() ? r.get("款").asText() : r.get("目").asText()) + " "
                        + r.get("本年度予算額").asLong() + " " + r.get("前年度予算額").asLong() + " " + r.get("比較").asLong()
                        + " " + r.get("比較(円)").asLong())
                .toList();
        assertThat(expenditure).containsExactly(
                "moku 1 一般管理費 700000 650000 50000 50000000",
                "moku 1 税務総務費 100000 0 100000 100000000",
                "moku 2 賦課徴収費 0 10000 -10000 -10000000",
                "kan 2 総務費 800000 660000 140000 140000000",
                "moku 1 社会福祉総務費 330000 0 330000 330000000",
                "moku 2 障害者福祉費 20000 0 20000 20000000",
                "kan 3 民生費 350000 0 350000 350000000",
                "total 歳出合計 1150000 660000 490000 490000000");
        List<List<String>> rows = reads.csv("/api/reports/detail?fiscalYear=2075&account=1&format=csv");
        assertThat(rows).contains(
                List.of("款", "項", "目", "本年度予算額", "前年度予算額", "比較"),
                List.of("1 市税", "1 市民税", "1 個人", "600,000", "580,000", "20,000"),
                List.of("", "", "2 法人", "150,000", "0", "150,000"),
                List.of("2 総務費", "1 総務管理費", "1 一般管理費", "700,000", "650,000", "50,000"),
                List.of("", "2 徴税費", "1 税務総務費", "100,000", "0", "100,000"),
                List.of("", "", "2 賦課徴収費", "0", "10,000", "△10,000"),
                List.of("総務費計", "", "", "800,000", "660,000", "140,000"),
                List.of("歳出合計", "", "", "1,150,000", "660,000", "490,000"));
        assertThat(rows.get(0)).containsExactly(FiscalYear.of(FY).japaneseName() + " 歳入歳出予算事項別明細書");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(reads.download("/api/reports/detail?fiscalYear=2075&format=xlsx")))) {
            Sheet sheet = workbook.getSheetAt(0);
            boolean found = false;
            for (Row row : sheet) {
                if (row.getCell(2) != null && row.getCell(2).getCellType() == CellType.STRING
                        && row.getCell(2).getStringCellValue().equals("1 一般被保険者療養給付費")) {
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(80_000);
                    assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(0);
                    found = true;
                }
            }
            assertThat(found).as("the 特別会計's 目 in the statement of every 会計").isTrue();
        }
    }

    @Test
    void theExportsAtAnEarlierMomentAndAtTheInitialStageShowTheBudgetBeforeTheSupplementaryBudget() throws Exception {
        String table1 = "/api/reports/table1?fiscalYear=2075&account=1&format=csv";
        List<List<String>> now = reads.csv(table1);
        assertThat(now.get(1)).as("no moment line without a moment").isEqualTo(List.of(""));
        assertThat(now).contains(List.of("3 民生費", "", "350,000"), List.of("19 繰越金", "", "50,000"),
                List.of("歳入合計", "", "1,151,235"), List.of("歳出合計", "", "1,150,000"));
        String recorded = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss").format(t1.atZone(ZoneId.of("Asia/Tokyo")));
        List<List<String>> before = reads.csv(table1 + at(t1, "2075-10-01"));
        assertThat(before.get(0)).isEqualTo(now.get(0));
        assertThat(before.get(1)).containsExactly("時点: 2075年10月1日現在の予算(" + recorded + " 日本時間までの記録による)");
        List<List<String>> initial = reads.csv(table1 + "&stage=initial");
        assertThat(initial.get(1).get(0)).startsWith("時点: 当初予算、2076年3月31日現在の予算(");
        for (List<List<String>> rows : List.of(before, initial)) {
            assertThat(rows).contains(List.of("3 民生費", "", "300,000"), List.of("", "1 社会福祉費", "300,000"),
                    List.of("歳入合計", "", "1,101,235"), List.of("歳出合計", "", "1,100,000"));
            assertThat(rows).doesNotContain(List.of("19 繰越金", "", "50,000"));
            assertThat(rows.subList(2, rows.size())).isEqualTo(before.subList(2, before.size()));
        }
        List<List<String>> afterBudget = reads.csv(table1 + "&stage=" + budget);
        assertThat(afterBudget.get(1).get(0)).startsWith("時点: 第1号補正予算の議決後、2076年3月31日現在の予算(");
        assertThat(afterBudget.subList(2, afterBudget.size())).isEqualTo(now.subList(1, now.size()));
        assertThat(reads.csv(table1 + at(t2, "2075-08-01")).subList(2, before.size())).as("recorded, not yet in force")
                .isEqualTo(before.subList(2, before.size()));

        JsonNode detail = reads.get("/api/reports/detail?fiscalYear=2075&account=1&format=json&stage=initial");
        assertThat(detail.at("/moment/stage").asText()).isEqualTo("initial");
        assertThat(detail.at("/moment/stageName").asText()).isEqualTo("当初予算");
        assertThat(detail.at("/moment/effectiveOn").asText()).isEqualTo("2076-03-31");
        List<String> expenditure = StreamSupport.stream(detail.get("records").spliterator(), false)
                .filter(r -> r.get("歳入歳出").asText().equals("歳出"))
                .map(r -> r.get("区分").asText() + " " + (r.get("目").isNull() ? r.get("款").asText() : r.get("目").asText()) + " "
                        + r.get("本年度予算額").asLong() + " " + r.get("前年度予算額").asLong())
                .toList();
        assertThat(expenditure).containsExactly("moku 1 一般管理費 700000 650000", "moku 1 税務総務費 100000 0",
                "moku 2 賦課徴収費 0 10000", "kan 2 総務費 800000 660000", "moku 1 社会福祉総務費 300000 0", "kan 3 民生費 300000 0",
                "total 歳出合計 1100000 660000");
        assertThat(reads.get("/api/reports/detail?fiscalYear=2075&account=1&format=json").has("moment")).isFalse();
        JsonNode earlier = reads.get("/api/reports/detail?fiscalYear=2075&account=1&format=json" + at(t1, "2075-10-01"));
        assertThat(earlier.at("/moment/asOf").asText()).isEqualTo(t1.toString());
        assertThat(earlier.at("/moment/effectiveOn").asText()).isEqualTo("2075-10-01");
        assertThat(earlier.get("records")).isEqualTo(detail.get("records"));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(reads.download(
                "/api/reports/detail?fiscalYear=2075&format=xlsx&stage=initial")))) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).startsWith("時点: 当初予算、");
        }
        Api.Response both = api.get("/api/reports/table1?fiscalYear=2075&stage=initial" + at(t1, "2075-10-01"));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.contentType()).startsWith("application/problem+json");
        assertThat(both.body().get("errors").get(0).get("field").asText()).isEqualTo("stage");
        assertThat(api.get("/api/reports/detail?fiscalYear=2075&asOf=yesterday").status()).isEqualTo(400);
    }
}
