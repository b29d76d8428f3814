package jp.budgetledger.core.document;

import jp.budgetledger.core.api.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lays a {@link BudgetTable} out in the 別紙 layout, as rows of cells that the text, CSV and
 * spreadsheet exports all share: title, 別紙 label, numbered sections with the unit line under
 * the first, a header row, the lines (a department equal to the one above is left empty as a
 * merged cell, a shared summary is left empty under the line that carries it), a 小計 row for
 * sections of more than one line, the 合計 row of all sections after the last, and the notes.
 * Subtotals and totals are recomputed from the lines; amounts are shown in the table's unit,
 * rounded half up when not exact, in which case a note says so.
 */
public final class BudgetTableLayout {

    public static final String ROUNDING_NOTE = "(注)単位未満を四捨五入しているため、計と内訳が一致しない場合がある。";

    /** A cell: text, or an amount in the table's unit. */
    public sealed interface Cell permits Text, Amount {
    }

    public record Text(String value) implements Cell {
    }

    public record Amount(long value) implements Cell {
        /** Grouped with commas, △ for negative amounts, as budget documents print them. */
        public String formatted() {
            return value < 0 ? "△" + String.format("%,d", -value) : String.format("%,d", value);
        }
    }

    /** A row; an empty row is a blank line. {@code kind} tells what the row is, for styling. */
    public record Row(Kind kind, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    public enum Kind { TITLE, ATTACHMENT, SECTION, UNIT, HEADER, LINE, SUBTOTAL, TOTAL, NOTE, BLANK }

    private BudgetTableLayout() {
    }

    public static List<Row> rows(BudgetTable table, String amountHeader) {
        AmountUnit unit = table.unit();
        boolean[] rounded = {false};
        List<Row> rows = new ArrayList<>();
        rows.add(text(Kind.TITLE, table.title() == null ? "予算事業一覧表" : table.title()));
        rows.add(blank());
        if (table.attachment() != null) {
            rows.add(text(Kind.ATTACHMENT, table.attachment()));
            rows.add(blank());
        }
        List<BudgetTable.Section> sections = table.sections();
        for (int i = 0; i < sections.size(); i++) {
            BudgetTable.Section section = sections.get(i);
            rows.add(text(Kind.SECTION, section.code() + ". " + section.name()));
            rows.add(blank());
            if (i == 0) {
                rows.add(text(Kind.UNIT, "(単位:" + unit.label() + ")"));
                rows.add(blank());
            }
            rows.add(new Row(Kind.HEADER, List.of(new Text("部局名"), new Text("細事業名"), new Text(amountHeader), new Text("取組概要"))));
            String previousDepartment = null;
            String previousSummary = null;
            for (BudgetTable.Line line : section.lines()) {
                boolean merged = line.department().equals(previousDepartment);
                boolean sharedSummary = line.summaryShared() && line.summary() != null && line.summary().equals(previousSummary);
                rows.add(new Row(Kind.LINE, List.of(
                        new Text(merged ? "" : line.department()),
                        new Text(line.name()),
                        amount(line.amount(), unit, rounded),
                        new Text(sharedSummary || line.summary() == null ? "" : line.summary()))));
                previousDepartment = line.department();
                previousSummary = line.summary();
            }
            if (section.lines().size() > 1) {
                rows.add(new Row(Kind.SUBTOTAL, List.of(new Text("小計"), new Text(""), amount(section.sum(), unit, rounded), new Text(""))));
            }
            if (i == sections.size() - 1) {
                String codes = sections.stream().map(BudgetTable.Section::code).collect(Collectors.joining("+"));
                rows.add(new Row(Kind.TOTAL, List.of(new Text("合計(" + codes + ")"), new Text(""), amount(table.sum(), unit, rounded),
                        new Text(""))));
            }
            if (!section.notes().isEmpty()) {
                rows.add(blank());
                section.notes().forEach(note -> rows.add(text(Kind.NOTE, note)));
            }
            if (i < sections.size() - 1) {
                rows.add(blank());
            }
        }
        if (rounded[0]) {
            rows.add(blank());
            rows.add(text(Kind.NOTE, ROUNDING_NOTE));
        }
        return rows;
    }

    /** The layout as tab-separated text, the form the documents are exchanged in. */
    public static String text(BudgetTable table, String amountHeader) {
        StringBuilder out = new StringBuilder();
        for (Row row : rows(table, amountHeader)) {
            out.append(row.cells().stream()
                    .map(c -> c instanceof Amount a ? a.formatted() : ((Text) c).value())
                    .collect(Collectors.joining("\t")));
            out.append('\n');
        }
        return out.toString();
    }

    private static Amount amount(Money money, AmountUnit unit, boolean[] rounded) {
        if (!unit.isExact(money)) {
            rounded[0] = true;
        }
        return new Amount(unit.fromMoney(money));
    }

    private static Row text(Kind kind, String value) {
        return new Row(kind, List.of(new Text(value)));
    }

    private static Row blank() {
        return new Row(Kind.BLANK, List.of());
    }
}
