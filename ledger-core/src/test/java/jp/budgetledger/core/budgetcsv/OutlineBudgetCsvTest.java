package jp.budgetledger.core.budgetcsv;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.document.AmountUnit;
import jp.budgetledger.core.document.BudgetTableParser;
import jp.budgetledger.core.document.DocumentProblem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The outline layout of budget books: one row per 科目 with its own subtotal, the deepest rows the lines. */
class OutlineBudgetCsvTest {

    /** 令和7年度 (R7 = 2025) in 千円, both sides, balanced at 57,852; R6 is the previous year and is not read. */
    static final String BOOK = """
            款,項,目,節,説明,R6,R7
            歳入,,,,,,
            市税,,,,,46460,48352
            ,市民税,,,,16739,18420
            ,,個人,,,14000,15200
            ,,法人,,,2739,3220
            ,固定資産税,,,,29721,29932
            ,,固定資産税,,,29721,29932
            ,,,現年課税分,,29000,29200
            ,,,,土地・家屋 評価替え,500,600
            ,,,滞納繰越分,,721,732
            地方交付税,,,,,9000,9500
            ,地方交付税,,,,9000,9500
            ,,地方交付税,,,9000,9500
            歳入合計,,,,,55460,57852
            歳出,,,,,,
            1款 議会費,,,,,500,520
            ,1 議会費,,,,500,520
            ,,1 議会費,,,500,520
            ,,,1節 報酬,,300,310
            ,,,2節 給料,,200,210
            総務費,,,,,54960,57332
            ,総務管理費,,,,54960,57332
            ,,一般管理費,,,48000,50000
            ,,文書費,,,6860,7332
            ,,旧庁舎管理費,,,100,
            歳出合計,,,,,55460,57852
            """;

    private static ParsedBudgetCsv parse(String csv, BudgetCsvDefaults defaults) {
        return BudgetCsvParser.parse(csv.getBytes(StandardCharsets.UTF_8), defaults);
    }

    private static final BudgetCsvDefaults R7_THOUSANDS = new BudgetCsvDefaults(FiscalYear.of(2025), null, AmountUnit.THOUSAND_YEN);

    private static List<String> lines(ParsedBudgetCsv parsed) {
        return parsed.rows().stream().map(r -> r.row() + " " + r.classification().side().code() + " "
                + r.classification().subject().pathKey() + " " + r.name() + " " + r.amount().yen()).toList();
    }

    @Test
    void theDeepestRowsAreTheLinesWithTheirPathFromTheRowsAboveAndOrdinalCodesWhereNoneIsPrinted() {
        ParsedBudgetCsv parsed = parse(BOOK, R7_THOUSANDS);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.layout()).isEqualTo(ParsedBudgetCsv.Layout.OUTLINE);
        assertThat(parsed.fiscalYear()).isEqualTo(FiscalYear.of(2025));
        assertThat(parsed.unit()).isEqualTo(AmountUnit.THOUSAND_YEN);
        assertThat(lines(parsed)).containsExactly(
                "5 revenue 1/1/1 個人 15200000",
                "6 revenue 1/1/2 法人 3220000",
                "9 revenue 1/2/1/1 現年課税分 29200000",
                "11 revenue 1/2/1/2 滞納繰越分 732000",
                "14 revenue 2/1/1 地方交付税 9500000",
                "20 expenditure 1/1/1/1 報酬 310000",
                "21 expenditure 1/1/1/2 給料 210000",
                "24 expenditure 2/1/1 一般管理費 50000000",
                "25 expenditure 2/1/2 文書費 7332000");
        BudgetCsvRow first = parsed.rows().get(0);
        assertThat(first.classification().account()).isEqualTo(SubjectLevel.of(null, BudgetCsvParser.DEFAULT_ACCOUNT));
        assertThat(first.classification().subject().kan()).isEqualTo(SubjectLevel.of("1", "市税"));
        assertThat(first.classification().subject().kou()).isEqualTo(SubjectLevel.of("1", "市民税"));
        assertThat(first.department().name()).isEqualTo(BudgetCsvParser.NO_DEPARTMENT);
        assertThat(parsed.rows().get(2).classification().subject().setsu()).isEqualTo(SubjectLevel.of("1", "現年課税分"));
        assertThat(parsed.rows().get(5).classification().subject().kan()).isEqualTo(SubjectLevel.of("1", "議会費"));
        long revenue = parsed.rows().stream().filter(r -> r.classification().side() == Side.REVENUE).mapToLong(r -> r.amount().yen()).sum();
        long expenditure = parsed.rows().stream().filter(r -> r.classification().side() == Side.EXPENDITURE).mapToLong(r -> r.amount().yen()).sum();
        assertThat(revenue).isEqualTo(57_852_000L).isEqualTo(expenditure);
    }

    @Test
    void theYearsColumnIsChosenByTheFiscalYearInItsUsualSpellingsAndItsUnitIsRead() {
        for (String header : List.of("令和6年度,令和7年度予算額(千円)", "2024年度,2025年度（千円）", "Ｈ36,Ｒ７（千円）")) {
            ParsedBudgetCsv parsed = parse(BOOK.replace("R6,R7", header), new BudgetCsvDefaults(FiscalYear.of(2025), null, null));
            assertThat(parsed.problems()).as(header).isEmpty();
            assertThat(parsed.unit()).as(header).isEqualTo(AmountUnit.THOUSAND_YEN);
            assertThat(lines(parsed)).as(header).isEqualTo(lines(parse(BOOK, R7_THOUSANDS)));
        }
        String swapped = BOOK.lines().map(l -> {
            String[] cells = l.split(",", -1);
            String r6 = cells[5];
            cells[5] = cells[6];
            cells[6] = r6;
            return String.join(",", cells) + "\n";
        }).reduce("", String::concat);
        assertThat(lines(parse(swapped, R7_THOUSANDS))).isEqualTo(lines(parse(BOOK, R7_THOUSANDS)));
        ParsedBudgetCsv previous = parse(BOOK.replace(",R6,R7", ",R6,R7,補足_R6,補足_R7"),
                new BudgetCsvDefaults(FiscalYear.of(2024), null, AmountUnit.THOUSAND_YEN));
        assertThat(previous.problems()).as("R6 read: its own subtotals agree").isEmpty();
        assertThat(lines(previous)).contains("5 revenue 1/1/1 個人 14000000", "26 expenditure 2/1/3 旧庁舎管理費 100000");
    }

    @Test
    void aFileWithoutTheYearsColumnNamesTheColumnsItHas() {
        ParsedBudgetCsv other = parse(BOOK, new BudgetCsvDefaults(FiscalYear.of(2030), null, null));
        assertThat(other.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(1);
            assertThat(p.field()).isEqualTo("年度");
            assertThat(p.reason()).contains("2030").contains("令和12年度").contains("R6, R7");
        });
        assertThat(other.rows()).isEmpty();
        assertThat(other.fiscalYear()).isNull();
        assertThat(parse(BOOK, BudgetCsvDefaults.NONE).problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("fiscalYear=").contains("R6, R7"));
    }

    @Test
    void everySubtotalIsCheckedAgainstItsChildrenNamingRowColumnAndBothFigures() {
        ParsedBudgetCsv parsed = parse(BOOK.replace(",,個人,,,14000,15200", ",,個人,,,14000,15201")
                .replace("歳出合計,,,,,55460,57852", "歳出合計,,,,,55460,57853"), R7_THOUSANDS);
        assertThat(parsed.problems()).extracting(DocumentProblem::row, DocumentProblem::field)
                .containsExactly(tuple(4, "R7"), tuple(27, "R7"));
        assertThat(parsed.problems().get(0).reason()).contains("市民税").contains("18,420").contains("18,421").contains("rows 5–6");
        assertThat(parsed.problems().get(1).reason()).contains("57,853").contains("57,852");
        assertThat(parse(BOOK.replace(",,旧庁舎管理費,,,100,", ",,旧庁舎管理費,,,100,\n,,,需用費,,100,5"), R7_THOUSANDS).problems())
                .as("a row without the year's amount has no rows with one under it")
                .singleElement().satisfies(p -> assertThat(p.reason()).contains("旧庁舎管理費").contains("no amount"));
    }

    @Test
    void shiftJisFullWidthDigitsAndTheTriangleMinusSign() {
        String wide = BOOK.replace(",,個人,,,14000,15200", ",,個人,,,１４，０００,\"１５，２００\"");
        ParsedBudgetCsv sjis = BudgetCsvParser.parse(wide.getBytes(BudgetTableParser.SHIFT_JIS), R7_THOUSANDS);
        assertThat(sjis.charset()).isEqualTo(BudgetTableParser.SHIFT_JIS);
        assertThat(sjis.problems()).isEmpty();
        assertThat(sjis.rows()).isEqualTo(parse(BOOK, R7_THOUSANDS).rows());
        ParsedBudgetCsv negative = parse(BOOK.replace(",,,1節 報酬,,300,310", ",,,1節 報酬,,300,△310")
                .replace(",,,2節 給料,,200,210", ",,,2節 給料,,200,▲210"), R7_THOUSANDS);
        assertThat(negative.problems()).extracting(DocumentProblem::row).containsExactly(19, 20, 21);
        assertThat(negative.problems().get(1).reason()).contains("△310").contains("negative");
        assertThat(negative.problems().get(2).reason()).contains("▲210").contains("negative");
    }

    @Test
    void theSideComesFromTheRequestWhenTheBookHasNoHeadingAndAHeadingCanNameThe会計() {
        String expenditure = BOOK.substring(BOOK.indexOf("1款 議会費"), BOOK.indexOf("歳出合計"));
        String header = "款,項,目,節,説明,R6,R7\n";
        ParsedBudgetCsv given = parse(header + expenditure, new BudgetCsvDefaults(FiscalYear.of(2025), Side.EXPENDITURE, AmountUnit.YEN));
        assertThat(given.problems()).isEmpty();
        assertThat(given.unit()).isEqualTo(AmountUnit.YEN);
        assertThat(given.rows()).extracting(r -> r.classification().side()).containsOnly(Side.EXPENDITURE);
        assertThat(given.rows().get(0).amount().yen()).isEqualTo(310L);
        assertThat(parse(header + expenditure, R7_THOUSANDS).problems()).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("歳入歳出"));
        ParsedBudgetCsv special = parse(header + "国民健康保険特別会計 歳出\n" + expenditure, R7_THOUSANDS);
        assertThat(special.problems()).isEmpty();
        assertThat(special.rows().get(0).classification().account()).isEqualTo(SubjectLevel.of(null, "国民健康保険特別会計"));
    }

    @Test
    void aRowGivesOneLevelUnderTheRowOfTheLevelAboveIt() {
        ParsedBudgetCsv parsed = parse("""
                款,項,目,説明,R7
                歳出,,,,
                議会費,,,,30
                ,議会費,議会費,,10
                ,,事務費,,20
                """, R7_THOUSANDS);
        assertThat(parsed.problems()).extracting(DocumentProblem::row, DocumentProblem::field)
                .containsExactly(tuple(3, "款"), tuple(4, "目"), tuple(5, "目"));
        assertThat(parsed.problems().get(1).reason()).contains("項").contains("目");
        assertThat(parsed.problems().get(2).reason()).contains("項 row");
        assertThat(parse("款,項,目,R7\n歳出,,,\n議会費,,,10\n", R7_THOUSANDS).problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("議会費").contains("款, 項 and 目"));
    }

    @Test
    void theRowLayoutIsStillReadAsBefore() {
        ParsedBudgetCsv parsed = parse("款,項,目,予算額\n1 a,1 b,1 c,5\n", new BudgetCsvDefaults(FiscalYear.of(2025), Side.REVENUE, null));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.layout()).isEqualTo(ParsedBudgetCsv.Layout.ROWS);
    }
}
