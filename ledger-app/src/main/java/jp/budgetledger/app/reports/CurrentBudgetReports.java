package jp.budgetledger.app.reports;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.document.BudgetTableLayout.Cell;
import jp.budgetledger.core.document.BudgetTableLayout.Kind;
import jp.budgetledger.core.document.BudgetTableLayout.Text;
import jp.budgetledger.projections.temporal.CurrentBudget;
import jp.budgetledger.projections.temporal.CurrentBudgetQueries;
import jp.budgetledger.projections.temporal.LineFilter;
import jp.budgetledger.projections.temporal.Moment;
import org.springframework.stereotype.Service;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * 予算現額 (the budget in force) of a fiscal year at a moment, per 款, 項, 目 or line, of every 会計 or the one
 * {@code account} names: the figures in exact yen ({@link CurrentBudget}), and as a document (for CSV and
 * XLSX) in 千円 (with a column 前年度繰越額 when lines were carried from the year before): per 会計 and side a section with a row per 科目 or line, the side's total, and the total of
 * the report; the lines without a classification as {@code 未分類}.
 */
@Service
public class CurrentBudgetReports {

    public static final String TITLE = "予算現額";
    /** The heading of the column of the lines carried from the year before, printed when the report has some. */
    public static final String CARRIED = "前年度繰越額";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final CurrentBudgetQueries queries;

    public CurrentBudgetReports(CurrentBudgetQueries queries) {
        this.queries = queries;
    }

    /** The figures at {@code moment}. */
    public CurrentBudget figures(FiscalYear fiscalYear, Moment moment, String account, CurrentBudget.Level level) {
        return queries.report(fiscalYear, moment, new LineFilter(account, null), level);
    }

    /** The figures as a document's rows, amounts in 千円. */
    public SubjectReports.Report document(FiscalYear fiscalYear, CurrentBudget budget) {
        CurrentBudget.Level level = CurrentBudget.Level.parse("level", budget.level());
        List<String> labels = labels(level);
        List<String> headers = new ArrayList<>(labels);
        headers.add("当初予算額");
        budget.supplementaryBudgets().forEach(c -> headers.add(c.header()));
        boolean carried = budget.total().carriedYen() != 0;
        headers.addAll(carried ? List.of("予備費充用額", "流用増減", CARRIED, "予算現額") : List.of("予備費充用額", "流用増減", "予算現額"));
        DocumentLayout layout = new DocumentLayout(fiscalYear.japaneseName() + " " + TITLE + "("
                + DAY.format(budget.moment().effectiveWithin(fiscalYear)) + "現在)", headers);
        for (CurrentBudget.SideGroup group : budget.groups()) {
            layout.section(group.sideName() == null ? group.accountName() : group.accountName() + " " + group.sideName());
            layout.header();
            List<String> above = List.of();
            for (CurrentBudget.ReportRow row : group.rows()) {
                List<Cell> cells = new ArrayList<>();
                List<String> path = row.path();
                for (int i = 0; i < labels.size(); i++) {
                    boolean own = i == labels.size() - 1;
                    String text = own ? (row.code() == null ? row.name() : row.code() + " " + row.name())
                            : i < path.size() && (above.size() <= i || !above.subList(0, i + 1).equals(path.subList(0, i + 1))) ? path.get(i) : "";
                    cells.add(new Text(text));
                }
                above = path;
                layout.row(Kind.LINE, null, amounts(layout, cells, row.figures(), carried));
            }
            layout.row(Kind.SUBTOTAL, null, amounts(layout, labelled(labels.size(), (group.sideName() == null ? group.accountName() : group.sideName()) + "合計"),
                    group.subtotal(), carried));
            layout.blank();
        }
        layout.row(Kind.TOTAL, null, amounts(layout, labelled(labels.size(), "総計"), budget.total(), carried));
        return layout.report(fiscalYear);
    }

    /** The labels' headings of a level: the 科目 from 款 down to it, and for lines the line's name. */
    private static List<String> labels(CurrentBudget.Level level) {
        return switch (level) {
            case KAN -> List.of("款");
            case KOU -> List.of("款", "項");
            case MOKU -> List.of("款", "項", "目");
            case LINE -> List.of("款", "項", "目", "事業");
        };
    }

    private static List<Cell> labelled(int width, String label) {
        List<Cell> cells = new ArrayList<>();
        cells.add(new Text(label));
        while (cells.size() < width) {
            cells.add(new Text(""));
        }
        return cells;
    }

    private static Cell[] amounts(DocumentLayout layout, List<Cell> labels, CurrentBudget.Amounts figures, boolean carried) {
        List<Cell> cells = new ArrayList<>(labels);
        cells.add(layout.amount(figures.initialYen()));
        figures.supplementaryYen().forEach(yen -> cells.add(layout.amount(yen)));
        cells.add(layout.amount(figures.reserveFundYen()));
        cells.add(layout.amount(figures.transferYen()));
        if (carried) {
            cells.add(layout.amount(figures.carriedYen()));
        }
        cells.add(layout.amount(figures.currentYen()));
        return cells.toArray(Cell[]::new);
    }
}
