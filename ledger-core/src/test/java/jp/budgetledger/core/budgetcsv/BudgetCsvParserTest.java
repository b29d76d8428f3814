package jp.budgetledger.core.budgetcsv;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.document.AmountUnit;
import jp.budgetledger.core.document.BudgetTableParser;
import jp.budgetledger.core.document.DocumentProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BudgetCsvParserTest {

    private static final String CODED = """
            年度,会計コード,会計名,歳入歳出,款コード,款名,項コード,項名,目コード,目名,節コード,節名,所属コード,所属名,予算額
            令和3年度,01,一般会計,歳出,2,総務費,1,総務管理費,1,一般管理費,2,給料,110,総務課,"12,345,000"
            令和3年度,01,一般会計,歳出,2,総務費,1,総務管理費,1,一般管理費,3,職員手当等,110,総務課,0
            令和3年度,01,一般会計,歳入,1,市税,1,市民税,1,個人,,,210,税務課,"5,000,000"
            """;

    private static ParsedBudgetCsv parse(String csv) {
        return BudgetCsvParser.parse(csv.getBytes(StandardCharsets.UTF_8), BudgetCsvDefaults.NONE);
    }

    private static ParsedBudgetCsv parse(String csv, BudgetCsvDefaults defaults) {
        return BudgetCsvParser.parse(csv.getBytes(StandardCharsets.UTF_8), defaults);
    }

    @Test
    void codeAndNameColumnsGiveTheWholeClassification() {
        ParsedBudgetCsv parsed = parse(CODED);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.fiscalYear()).isEqualTo(FiscalYear.of(2021));
        assertThat(parsed.unit()).isEqualTo(AmountUnit.YEN);
        assertThat(parsed.rows()).hasSize(3);
        BudgetCsvRow first = parsed.rows().get(0);
        assertThat(first.row()).isEqualTo(2);
        assertThat(first.amount().yen()).isEqualTo(12_345_000L);
        assertThat(first.name()).isEqualTo("給料");
        assertThat(first.department().name()).isEqualTo("総務課");
        assertThat(first.classification().departmentCode()).isEqualTo("110");
        assertThat(first.classification().account()).isEqualTo(SubjectLevel.of("01", "一般会計"));
        assertThat(first.classification().side()).isEqualTo(Side.EXPENDITURE);
        assertThat(first.classification().subject().pathKey()).isEqualTo("2/1/1/2");
        assertThat(first.classification().subject().setsu()).isEqualTo(SubjectLevel.of("2", "給料"));
        assertThat(parsed.rows().get(1).amount().yen()).isZero();
        BudgetCsvRow revenue = parsed.rows().get(2);
        assertThat(revenue.classification().side()).isEqualTo(Side.REVENUE);
        assertThat(revenue.classification().subject().setsu()).isNull();
        assertThat(revenue.name()).isEqualTo("個人");
    }

    @Test
    void bareLevelColumnsHoldACodeACodeAndANameOrANameAlone() {
        ParsedBudgetCsv parsed = parse("""
                会計,款,項,項名,目,節,予算額
                一般会計,2 総務費,01,総務管理費,１．一般管理費,給料,100
                一般会計,3　民生費,1,社会福祉費,1:社会福祉総務費,報酬,200
                """, new BudgetCsvDefaults(FiscalYear.of(2021), Side.EXPENDITURE, null));
        assertThat(parsed.problems()).isEmpty();
        var subject = parsed.rows().get(0).classification().subject();
        assertThat(subject.kan()).isEqualTo(SubjectLevel.of("2", "総務費"));
        assertThat(subject.kou()).isEqualTo(SubjectLevel.of("01", "総務管理費"));
        assertThat(subject.moku()).isEqualTo(SubjectLevel.of("1", "一般管理費"));
        assertThat(subject.setsu()).isEqualTo(SubjectLevel.of(null, "給料"));
        assertThat(parsed.rows().get(0).classification().account()).isEqualTo(SubjectLevel.of(null, "一般会計"));
        assertThat(parsed.rows().get(0).department().name()).isEqualTo(BudgetCsvParser.NO_DEPARTMENT);
        assertThat(parsed.rows().get(1).classification().subject().kan()).isEqualTo(SubjectLevel.of("3", "民生費"));
        assertThat(parsed.rows().get(1).classification().subject().moku()).isEqualTo(SubjectLevel.of("1", "社会福祉総務費"));
    }

    @Test
    void nameColumnsWithTheirOtherSpellingsAndTheJigyouOrSaimokuLevel() {
        ParsedBudgetCsv parsed = parse("""
                会計名称,款名称,項名称,目名称,細目名称,節名称,細節名称,所属,当初予算額（千円）
                国民健康保険特別会計,総務費,総務管理費,一般管理費,事務費,需用費,消耗品費,保険年金課,"1,234"
                """, new BudgetCsvDefaults(FiscalYear.of(2022), Side.EXPENDITURE, null));
        assertThat(parsed.problems()).isEmpty();
        BudgetCsvRow row = parsed.rows().get(0);
        assertThat(parsed.unit()).isEqualTo(AmountUnit.THOUSAND_YEN);
        assertThat(row.amount().yen()).isEqualTo(1_234_000L);
        assertThat(row.classification().account().name()).isEqualTo("国民健康保険特別会計");
        assertThat(row.classification().subject().jigyou()).isEqualTo(SubjectLevel.of(null, "事務費"));
        assertThat(row.classification().subject().saisetsu()).isEqualTo(SubjectLevel.of(null, "消耗品費"));
        assertThat(row.name()).isEqualTo("消耗品費");
        assertThat(row.department().name()).isEqualTo("保険年金課");
    }

    @ParameterizedTest
    @CsvSource({"2021,2021", "２０２１,2021", "2021年度,2021", "R3,2021", "r3,2021", "Ｒ３,2021", "令和3,2021", "令和３年度,2021",
            "令和元年度,2019", "H30,2018", "平成30,2018", "平成30年度,2018", "H元,1989"})
    void fiscalYearsInTheirUsualSpellings(String text, int year) {
        assertThat(BudgetCsvParser.fiscalYear(text)).isEqualTo(FiscalYear.of(year));
    }

    @Test
    void anUnreadableFiscalYearIsRefusedNamingTheColumn() {
        assertThatThrownBy(() -> BudgetCsvParser.fiscalYear("S60年度")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("年度");
    }

    @Test
    void amountsInThousandsWithFullWidthDigitsAndGrouping() {
        ParsedBudgetCsv parsed = parse(CODED.replace("\"12,345,000\"", "\"１２，３４５\""),
                new BudgetCsvDefaults(null, null, AmountUnit.THOUSAND_YEN));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows().get(0).amount().yen()).isEqualTo(12_345_000L);
        assertThat(parsed.rows().get(2).amount().yen()).isEqualTo(5_000_000_000L);
    }

    @Test
    void aUnitThatContradictsTheHeaderIsAProblem() {
        ParsedBudgetCsv parsed = parse("款,項,目,予算額(千円)\n1 a,1 b,1 c,5\n",
                new BudgetCsvDefaults(FiscalYear.of(2021), Side.REVENUE, AmountUnit.YEN));
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(1);
            assertThat(p.field()).isEqualTo("予算額(千円)");
            assertThat(p.reason()).contains("千円").contains("円");
        });
    }

    @Test
    void shiftJisAndUtf8WithAByteOrderMarkReadTheSame() {
        ParsedBudgetCsv utf8 = parse(CODED);
        ParsedBudgetCsv sjis = BudgetCsvParser.parse(CODED.getBytes(BudgetTableParser.SHIFT_JIS), BudgetCsvDefaults.NONE);
        byte[] bom = ("\uFEFF" + CODED).getBytes(StandardCharsets.UTF_8);
        ParsedBudgetCsv withBom = BudgetCsvParser.parse(bom, BudgetCsvDefaults.NONE);
        assertThat(sjis.charset()).isEqualTo(BudgetTableParser.SHIFT_JIS);
        assertThat(withBom.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(sjis.problems()).isEmpty();
        assertThat(withBom.problems()).isEmpty();
        assertThat(sjis.rows()).isEqualTo(utf8.rows());
        assertThat(withBom.rows()).isEqualTo(utf8.rows());
        assertThat(sjis.sha256()).isNotEqualTo(utf8.sha256());
    }

    @Test
    void anIndexColumnAnEmptyHeaderAndUnknownColumnsAreIgnored() {
        ParsedBudgetCsv parsed = parse("""
                No,,款,項,目,備考,予算額,
                1,x,1 議会費,1 議会費,1 議会費,何か,"1,000",y
                2,x,2 総務費,1 総務管理費,1 一般管理費,,2000,
                """, new BudgetCsvDefaults(FiscalYear.of(2021), Side.EXPENDITURE, null));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).extracting(r -> r.amount().yen()).containsExactly(1_000L, 2_000L);
        assertThat(parsed.rows()).extracting(BudgetCsvRow::name).containsExactly("議会費", "一般管理費");
    }

    @Test
    void everyRowProblemIsReportedWithItsLineNumberAndColumn() {
        ParsedBudgetCsv parsed = parse("""
                年度,歳入歳出,款,項,目,予算額
                R3,歳出,1 議会費,1 議会費,1 議会費,100

                R3,歳出,2 総務費,,1 一般管理費,△5
                R3,支出X,2 総務費,1 総務管理費,1 一般管理費,abc
                R4,歳出,2 総務費,1 総務管理費,2 文書費,10
                R3,歳出,1 議会費,1 議会費,1 議会費,20
                "R3",歳出,"3 民生費",1 社会福祉費,"1 社会
                福祉総務費",
                R3,歳出,1 総務費,1 議会費,3 財産管理費,0
                """);
        assertThat(parsed.isAcceptable()).isFalse();
        assertThat(parsed.problems()).extracting(DocumentProblem::row, DocumentProblem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, "項"),
                org.assertj.core.groups.Tuple.tuple(4, "予算額"),
                org.assertj.core.groups.Tuple.tuple(5, "歳入歳出"),
                org.assertj.core.groups.Tuple.tuple(5, "予算額"),
                org.assertj.core.groups.Tuple.tuple(6, "年度"),
                org.assertj.core.groups.Tuple.tuple(7, "目"),
                org.assertj.core.groups.Tuple.tuple(8, "予算額"),
                org.assertj.core.groups.Tuple.tuple(10, "款"));
        assertThat(parsed.problems().get(1).reason()).contains("negative");
        assertThat(parsed.problems().get(4).reason()).contains("2022").contains("2021");
        assertThat(parsed.problems().get(5).reason()).contains("row 2");
        assertThat(parsed.problems().get(7).reason()).contains("議会費").contains("総務費").contains("row 2");
    }

    @Test
    void aFileWithoutTheRequiredColumnsOrDefaultsSaysWhatIsMissing() {
        ParsedBudgetCsv parsed = parse("款コード,項,予算\n1,1 a,5\n");
        assertThat(parsed.problems()).extracting(DocumentProblem::field)
                .containsExactlyInAnyOrder("予算額", "目", "款コード", "歳入歳出", "年度");
        assertThat(parsed.problems()).allSatisfy(p -> assertThat(p.row()).isEqualTo(1));
        assertThat(parse("").problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("empty"));
    }

    @Test
    void theSideAndYearGivenForTheFileFillEmptyCells() {
        ParsedBudgetCsv parsed = parse("歳入歳出,款,項,目,予算額\n,1 a,1 b,1 c,5\n歳入,1 a,1 b,1 c,6\n",
                new BudgetCsvDefaults(FiscalYear.of(2030), Side.EXPENDITURE, null));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.fiscalYear()).isEqualTo(FiscalYear.of(2030));
        assertThat(parsed.rows()).extracting(r -> r.classification().side()).containsExactly(Side.EXPENDITURE, Side.REVENUE);
    }

    @Test
    void tabSeparatedFilesAreReadToo() {
        ParsedBudgetCsv parsed = parse("款\t項\t目\t予算額\n1 a\t1 b\t1 c\t1,000\n",
                new BudgetCsvDefaults(FiscalYear.of(2030), Side.EXPENDITURE, null));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows().get(0).amount().yen()).isEqualTo(1_000L);
    }

    @Test
    void twentyThousandRowsAreRead() {
        StringBuilder csv = new StringBuilder("年度,会計,歳入歳出,款,項,目,節,予算額\n");
        long total = 0;
        for (int i = 0; i < 20_000; i++) {
            csv.append("2021,一般会計,歳出,").append(i / 1000 + 1).append(" 款").append(i / 1000 + 1)
                    .append(",1 項,").append(i / 100 % 10 + 1).append(" 目").append(i / 100 % 10 + 1)
                    .append(",").append(i % 100 + 1).append(" 節").append(i % 100 + 1).append(",").append(i).append('\n');
            total += i;
        }
        ParsedBudgetCsv parsed = parse(csv.toString());
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).hasSize(20_000);
        assertThat(parsed.rows().get(19_999).row()).isEqualTo(20_001);
        assertThat(parsed.rows().stream().mapToLong(r -> r.amount().yen()).sum()).isEqualTo(total);
    }

    @Test
    void bytesThatAreNeitherUtf8NorShiftJisAreAProblem() {
        ParsedBudgetCsv parsed = BudgetCsvParser.parse(new byte[]{(byte) 0x82, (byte) 0xFF, (byte) 0xFE}, BudgetCsvDefaults.NONE);
        assertThat(parsed.problems()).extracting(DocumentProblem::field).contains("charset");
    }

    @Test
    void splitReadsABareCell() {
        assertThat(BudgetCsvParser.split("01")).containsExactly("01", null);
        assertThat(BudgetCsvParser.split("1 総務費")).containsExactly("1", "総務費");
        assertThat(BudgetCsvParser.split("総務費")).containsExactly(null, "総務費");
        assertThat(BudgetCsvParser.split("2020年度記念事業")).containsExactly(null, "2020年度記念事業");
        assertThat(List.of(BudgetCsvParser.split("１０．ＩＣＴ推進費"))).containsExactly("１０", "ＩＣＴ推進費");
        assertThat(BudgetCsvParser.split("2款 総務費")).containsExactly("2", "総務費");
        assertThat(BudgetCsvParser.split("第1項総務管理費")).containsExactly("1", "総務管理費");
        assertThat(BudgetCsvParser.split("13節 委託料")).containsExactly("13", "委託料");
    }
}
