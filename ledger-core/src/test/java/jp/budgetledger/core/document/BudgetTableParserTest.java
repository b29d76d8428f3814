package jp.budgetledger.core.document;

import jp.budgetledger.core.api.Money;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetTableParserTest {

    private static final byte[] SAMPLE = BundledSamples.bytes(BundledSamples.SMART_MUNICIPALITY);
    private static final String TEXT = new String(SAMPLE, StandardCharsets.UTF_8);

    @Test
    void theSampleParsesIntoFiveSectionsOfSixteenLinesThatReconcile() {
        ParsedDocument parsed = BudgetTableParser.parse(SAMPLE);
        assertThat(parsed.problems()).isEmpty();
        BudgetTable table = parsed.table();
        assertThat(table.title()).isEqualTo("スマート自治体関連事業一覧表");
        assertThat(table.attachment()).isEqualTo("別紙3");
        assertThat(table.unit()).isEqualTo(AmountUnit.THOUSAND_YEN);
        assertThat(table.sections()).extracting(BudgetTable.Section::code).containsExactly("1", "2", "3", "4", "5");
        assertThat(table.sections()).extracting(s -> s.sum().yen())
                .containsExactly(37_786_000L, 26_036_000L, 14_300_000L, 24_008_000L, 210_321_000L);
        assertThat(table.lines()).hasSize(16);
        assertThat(table.sum()).isEqualTo(Money.ofThousandYen(312_451));
        assertThat(parsed.reconciliation().checks()).hasSize(2).allMatch(Reconciliation.Check::matches);
        assertThat(parsed.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(parsed.sha256()).hasSize(64);
    }

    @Test
    void mergedDepartmentCellsRepeatTheDepartmentAbove() {
        List<BudgetTable.Line> lines = BudgetTableParser.parse(SAMPLE).table().section("5").orElseThrow().lines();
        assertThat(lines).extracting(BudgetTable.Line::department).containsExactly(
                "防災対策部", "戦略企画部", "戦略企画部", "総務部", "総務部", "総務部", "医療保健部",
                "子ども・福祉部", "子ども・福祉部", "雇用経済部", "県土整備部", "教育委員会");
    }

    @Test
    void anEmptySummaryUnderALineWithOneSharesIt() {
        List<BudgetTable.Line> lines = BudgetTableParser.parse(SAMPLE).table().section("5").orElseThrow().lines();
        BudgetTable.Line delinquency = lines.get(4);
        BudgetTable.Line computing = lines.get(5);
        assertThat(computing.name()).isEqualTo("電算管理費");
        assertThat(computing.summaryShared()).isTrue();
        assertThat(computing.summary()).isEqualTo(delinquency.summary()).startsWith("滞納処分の早期着手");
        assertThat(delinquency.summaryShared()).isFalse();
        assertThat(lines).filteredOn(BudgetTable.Line::summaryShared).hasSize(1);
    }

    @Test
    void notesStayWithTheirSection() {
        BudgetTable table = BudgetTableParser.parse(SAMPLE).table();
        assertThat(table.section("1").orElseThrow().notes()).singleElement().asString().startsWith("(注)公文書管理条例");
        assertThat(table.section("2").orElseThrow().notes()).isEmpty();
    }

    @Test
    void aWrongSubtotalIsAnErrorNamingTheRowThePrintedAndTheComputedFigure() {
        ParsedDocument parsed = BudgetTableParser.parse(TEXT.replace("小計\t\t210,321", "小計\t\t210,322").getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(46);
            assertThat(p.field()).isEqualTo("小計");
            assertThat(p.reason()).contains("210,322 千円").contains("210,321 千円");
        });
    }

    @Test
    void aWrongGrandTotalIsAnError() {
        ParsedDocument parsed = BudgetTableParser.parse(TEXT.replace("312,451", "312,450").getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(47);
            assertThat(p.reason()).contains("312,450 千円").contains("312,451 千円");
        });
    }

    @Test
    void shiftJisAndFullWidthCopiesReadTheSame() {
        BudgetTable utf8 = BudgetTableParser.parse(SAMPLE).table();
        ParsedDocument sjis = BudgetTableParser.parse(TEXT.getBytes(BudgetTableParser.SHIFT_JIS));
        assertThat(sjis.problems()).isEmpty();
        assertThat(sjis.charset()).isEqualTo(BudgetTableParser.SHIFT_JIS);
        assertThat(sjis.table()).isEqualTo(utf8);

        ParsedDocument fullWidth = BudgetTableParser.parse(toFullWidthAmounts(TEXT).getBytes(StandardCharsets.UTF_8));
        assertThat(fullWidth.problems()).isEmpty();
        assertThat(fullWidth.table().lines()).extracting(BudgetTable.Line::amount)
                .isEqualTo(utf8.lines().stream().map(BudgetTable.Line::amount).toList());
        assertThat(toFullWidthAmounts(TEXT)).contains("３７，７８６");
    }

    @Test
    void blankLinesTrailingSpacesCrLfAndABomAreTolerated() {
        String messy = "\uFEFF" + TEXT.replace("\n", "  \r\n\r\n").replace("\t37,786\t", "\t 37,786 \t");
        ParsedDocument parsed = BudgetTableParser.parse(messy.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.table().sum()).isEqualTo(Money.ofThousandYen(312_451));
    }

    @Test
    void triangleMinusAndOtherUnitsAreRead() {
        String doc = """
                補正予算の概要
                別紙1
                1. 補正
                （単位：円）
                部局名\t細事業名\t補正額\t概要
                総務部\t減額事業\t△1,000\t減
                \t増額事業\t３，０００\t増
                小計\t\t2,000\t
                合計(1)\t\t2,000\t
                """;
        ParsedDocument parsed = BudgetTableParser.parse(doc.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.table().unit()).isEqualTo(AmountUnit.YEN);
        assertThat(parsed.table().lines()).extracting(l -> l.amount().yen()).containsExactly(-1_000L, 3_000L);
        assertThat(BudgetTableParser.parse(doc.replace("（単位：円）", "(単位:百万円)").getBytes(StandardCharsets.UTF_8))
                .table().sum()).isEqualTo(Money.ofYen(2_000_000_000L));
    }

    @Test
    void everyProblemIsReportedWithItsRow() {
        String doc = """
                表
                1. 分類
                部局名\t細事業名\t当初予算額\t取組概要
                \t名前\t1,000\t
                総務部\t\tabc\t
                合計(1+2)\t\t1,000\t
                """;
        ParsedDocument parsed = BudgetTableParser.parse(doc.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.problems()).extracting(DocumentProblem::toString).containsExactly(
                "unit: the document has no (単位:千円) line; state the unit of its amounts",
                "row 4: 部局名: the department is missing and there is no line above it in section 1",
                "row 5: 細事業名: the name of the line is missing",
                "row 5: 当初予算額: must be an integer, got 'abc'",
                "row 6: 合計(1+2): names section 2, which the document does not have");
    }

    @Test
    void textThatIsNeitherUtf8NorShiftJisIsRejected() {
        ParsedDocument parsed = BudgetTableParser.parse(new byte[]{(byte) 0x81, (byte) 0x20, (byte) 0xff, (byte) 0xfe});
        assertThat(parsed.problems()).extracting(DocumentProblem::field).contains("charset");
    }

    static String toFullWidthAmounts(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String[] cells = line.split("\t", -1);
            if (cells.length >= 3) {
                cells[2] = cells[2].chars().mapToObj(c -> c >= '0' && c <= '9' ? String.valueOf((char) (c - '0' + '０'))
                        : c == ',' ? "，" : String.valueOf((char) c)).reduce("", String::concat);
            }
            out.append(String.join("\t", cells)).append('\n');
        }
        return out.toString();
    }
}
