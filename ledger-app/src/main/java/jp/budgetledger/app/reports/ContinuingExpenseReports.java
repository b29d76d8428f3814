package jp.budgetledger.app.reports;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.document.BudgetTableLayout.Cell;
import jp.budgetledger.core.document.BudgetTableLayout.Kind;
import jp.budgetledger.core.document.BudgetTableLayout.Text;
import jp.budgetledger.projections.budgets.SupplementaryBudgetQueries;
import jp.budgetledger.projections.continuing.ContinuingExpenseQueries;
import jp.budgetledger.projections.continuing.ContinuingExpenseView;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 継続費調書 of a fiscal year Y: every 継続費 whose period covers Y, as recorded up to an instant. Its figures for Y:
 * <ul>
 *   <li>{@code sharesBeforeYen} 前年度までの年割額: the shares of the years before Y;</li>
 *   <li>{@code shareOfYearYen} 当該年度の年割額, and {@code sharesFromYen} 当該年度以降の年割額: the shares of Y and the years after;</li>
 *   <li>{@code carriedIntoYearYen} 前年度からの逓次繰越額 and {@code carriedOutOfYearYen} 翌年度への逓次繰越額;</li>
 *   <li>{@code remainingYen} 残額: what remains to be spent from Y on, the shares of Y and later plus what was carried into Y
 *   (total − shares of the years before Y + carried into Y). What is carried out of Y stays in it: it moves to Y+1.</li>
 * </ul>
 * The basis is 当初 or the supplementary budget that set the 継続費 (補正第N号).
 */
@Service
public class ContinuingExpenseReports {

    public static final String TITLE = "継続費調書";

    private final ContinuingExpenseQueries queries;
    private final SupplementaryBudgetQueries budgets;

    public ContinuingExpenseReports(ContinuingExpenseQueries queries, SupplementaryBudgetQueries budgets) {
        this.queries = queries;
        this.budgets = budgets;
    }

    /** One 継続費 in the 調書 of a year. */
    public record StatementEntry(String id, String name, String department, String accountName, String kan, String kou, int firstYear,
                        int lastYear, long totalYen, String basis, String supplementaryBudgetId, List<ContinuingExpenseView.YearShare> shares,
                        long sharesBeforeYen, long shareOfYearYen, long sharesFromYen, long carriedIntoYearYen, long carriedOutOfYearYen,
                        long remainingYen) {
    }

    /** The 調書 of {@code fiscalYear} as recorded up to {@code asOf} (null: everything recorded), amounts in exact yen. */
    public record ContinuingExpenseStatement(String title, int fiscalYear, Instant asOf, List<StatementEntry> continuingExpenses, long totalYen, long remainingYen) {
    }

    public ContinuingExpenseStatement report(FiscalYear fiscalYear, Instant asOf) {
        int year = fiscalYear.value();
        List<StatementEntry> entries = new ArrayList<>();
        for (ContinuingExpenseView e : queries.covering(year, asOf)) {
            long before = e.shares().stream().filter(s -> s.fiscalYear() < year).mapToLong(ContinuingExpenseView.YearShare::amountYen).sum();
            long from = e.shares().stream().filter(s -> s.fiscalYear() >= year).mapToLong(ContinuingExpenseView.YearShare::amountYen).sum();
            ContinuingExpenseView.YearShare of = e.share(year);
            entries.add(new StatementEntry(e.id(), e.name(), e.department(), e.accountName(), e.kanName(), e.kouName(), e.fiscalYear(), e.lastYear(),
                    e.totalYen(), basis(e.supplementaryBudgetId()), e.supplementaryBudgetId(), e.shares(), before, of.amountYen(), from,
                    of.carriedInYen(), of.carriedOutYen(), Math.addExact(from, of.carriedInYen())));
        }
        return new ContinuingExpenseStatement(TITLE, year, asOf, List.copyOf(entries), entries.stream().mapToLong(StatementEntry::totalYen).sum(),
                entries.stream().mapToLong(StatementEntry::remainingYen).sum());
    }

    /** 当初, or the supplementary budget that set the 継続費: 補正第N号 (or its title or name when it has no number). */
    private String basis(String supplementaryBudgetId) {
        if (supplementaryBudgetId == null) {
            return "当初";
        }
        return budgets.find(supplementaryBudgetId)
                .map(b -> b.number() != null ? "補正第" + b.number() + "号" : b.title() != null ? b.title() : b.name())
                .orElse(supplementaryBudgetId);
    }

    /** The 調書 as a document: a row per 継続費 with its figures for the year, then a row per year of its period, in 千円. */
    public SubjectReports.Report document(ContinuingExpenseStatement report) {
        FiscalYear year = FiscalYear.of(report.fiscalYear());
        DocumentLayout layout = new DocumentLayout(year.japaneseName() + " " + TITLE, List.of("事業名", "款", "項", "年度", "総額",
                "年割額", "前年度からの逓次繰越額", "翌年度への逓次繰越額", "前年度までの年割額", "当該年度以降の年割額", "残額", "根拠"));
        layout.header();
        for (StatementEntry e : report.continuingExpenses()) {
            layout.row(Kind.LINE, null, text(e.name()), text(e.kan()), text(e.kou()), text(e.firstYear() + "–" + e.lastYear() + "年度"),
                    layout.amount(e.totalYen()), layout.amount(e.shareOfYearYen()), layout.amount(e.carriedIntoYearYen()),
                    layout.amount(e.carriedOutOfYearYen()), layout.amount(e.sharesBeforeYen()), layout.amount(e.sharesFromYen()),
                    layout.amount(e.remainingYen()), text(e.basis()));
            for (ContinuingExpenseView.YearShare share : e.shares()) {
                layout.row(Kind.LINE, null, text(""), text(""), text(""), text(share.fiscalYear() + "年度（"
                                + FiscalYear.of(share.fiscalYear()).japaneseName() + "）"), text(""), layout.amount(share.amountYen()),
                        layout.amount(share.carriedInYen()), layout.amount(share.carriedOutYen()), text(""), text(""), text(""), text(""));
            }
        }
        layout.row(Kind.TOTAL, null, text("合計"), text(""), text(""), text(""), layout.amount(report.totalYen()), text(""), text(""),
                text(""), text(""), text(""), layout.amount(report.remainingYen()), text(""));
        return layout.report(year);
    }

    private static Cell text(String value) {
        return new Text(value == null ? "" : value);
    }
}
