package jp.budgetledger.core.document;

import jp.budgetledger.core.api.Money;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetTableLayoutTest {

    private static final byte[] SAMPLE = BundledSamples.bytes(BundledSamples.SMART_MUNICIPALITY);

    @Test
    void layingTheSampleOutAgainGivesBackTheSameDocument() {
        BudgetTable table = BudgetTableParser.parse(SAMPLE).table();
        String written = BudgetTableLayout.text(table, "当初予算額");
        assertThat(written.strip()).isEqualTo(new String(SAMPLE, StandardCharsets.UTF_8).strip());
    }

    @Test
    void theWrittenDocumentParsesToTheSameTable() {
        BudgetTable table = BudgetTableParser.parse(SAMPLE).table();
        ParsedDocument again = BudgetTableParser.parse(BudgetTableLayout.text(table, "当初予算額").getBytes(StandardCharsets.UTF_8));
        assertThat(again.problems()).isEmpty();
        assertThat(withoutRows(again.table())).isEqualTo(withoutRows(table));
        assertThat(again.reconciliation().checks()).allMatch(Reconciliation.Check::matches);
    }

    private static List<String> withoutRows(BudgetTable table) {
        return table.sections().stream().flatMap(s -> java.util.stream.Stream.concat(
                java.util.stream.Stream.of(s.code() + ". " + s.name() + " " + s.notes()),
                s.lines().stream().map(l -> String.join("|", l.department(), l.name(), Long.toString(l.amount().yen()),
                        String.valueOf(l.summary()), Boolean.toString(l.summaryShared()))))).toList();
    }

    @Test
    void amountsThatAreNotWholeUnitsAreRoundedHalfUpAndANoteSaysSo() {
        BudgetTable table = new BudgetTable("表", "別紙1", AmountUnit.THOUSAND_YEN, List.of(new BudgetTable.Section("1", "分類", 1,
                List.of(new BudgetTable.Line(1, "総務部", "A", Money.ofYen(1_500), null, false),
                        new BudgetTable.Line(2, "総務部", "B", Money.ofYen(-2_499), null, false)), List.of(), null)), List.of());
        String text = BudgetTableLayout.text(table, "予算現額");
        assertThat(text).contains("総務部\tA\t2\t\n").contains("\tB\t△2\t\n").contains("小計\t\t△1\t")
                .contains(BudgetTableLayout.ROUNDING_NOTE).contains("部局名\t細事業名\t予算現額\t取組概要");
    }
}
