package jp.budgetledger.core.document;

import jp.budgetledger.core.api.Money;

import java.util.List;
import java.util.Optional;

/**
 * A budget table in the 別紙 layout: a title, the attachment label (別紙3), the unit of its
 * amounts, numbered sections (each a budget category) with their lines and notes, and the
 * printed grand totals. Amounts are held as exact yen.
 */
public record BudgetTable(String title, String attachment, AmountUnit unit, List<Section> sections, List<PrintedTotal> grandTotals) {

    public BudgetTable {
        sections = List.copyOf(sections);
        grandTotals = List.copyOf(grandTotals);
    }

    /** One numbered section: a category, its lines in document order, its notes, and its printed 小計 if any. */
    public record Section(String code, String name, int row, List<Line> lines, List<String> notes, PrintedTotal subtotal) {
        public Section {
            lines = List.copyOf(lines);
            notes = List.copyOf(notes);
        }

        public Money sum() {
            return lines.stream().map(Line::amount).reduce(Money.ZERO, Money::plus);
        }
    }

    /**
     * One budget line. {@code summaryShared} says the line has no summary cell of its own and
     * shares the one of the line above (a merged cell); {@code summary} then holds that text.
     */
    public record Line(int row, String department, String name, Money amount, String summary, boolean summaryShared) {
    }

    /**
     * A printed check: a 小計 row (of its section) or a 合計 row naming the sections it adds up
     * ({@code 合計(1+2+3)}; an empty list means all sections).
     */
    public record PrintedTotal(int row, String label, List<String> sectionCodes, Money printed) {
        public PrintedTotal {
            sectionCodes = List.copyOf(sectionCodes);
        }
    }

    public List<Line> lines() {
        return sections.stream().flatMap(s -> s.lines().stream()).toList();
    }

    public Optional<Section> section(String code) {
        return sections.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Money sum() {
        return sections.stream().map(Section::sum).reduce(Money.ZERO, Money::plus);
    }
}
