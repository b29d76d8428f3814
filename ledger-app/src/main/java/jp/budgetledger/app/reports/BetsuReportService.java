package jp.budgetledger.app.reports;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.document.AmountUnit;
import jp.budgetledger.core.document.BudgetTable;
import jp.budgetledger.projections.documents.DocumentLayoutQueries;
import jp.budgetledger.projections.initiatives.InitiativeQueries;
import jp.budgetledger.projections.initiatives.InitiativeView;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a fiscal year's budget table from the projections: one section per category (named
 * and annotated as the imported document had it; lines without a category are not in it), its lines in the order they were recorded
 * with their current amounts, in 千円.
 */
@Service
public class BetsuReportService {

    /** The amount column of a table of initial amounts, and of one where some line has been amended since. */
    public static final String INITIAL_HEADER = "当初予算額";
    public static final String CURRENT_HEADER = "予算現額";

    private final InitiativeQueries initiatives;
    private final DocumentLayoutQueries layouts;

    public BetsuReportService(InitiativeQueries initiatives, DocumentLayoutQueries layouts) {
        this.initiatives = initiatives;
        this.layouts = layouts;
    }

    /** A table and the header its amount column should carry. */
    public record Report(BudgetTable table, String amountHeader, FiscalYear fiscalYear) {
    }

    public Report report(FiscalYear fiscalYear) {
        int year = fiscalYear.value();
        List<InitiativeView> lines = initiatives.list(year, null, null).stream().filter(v -> v.categoryCode() != null).toList();
        var document = layouts.latestDocument(year);
        Map<String, DocumentLayoutQueries.SectionLayout> sectionLayouts = layouts.sections(year);
        Set<String> sharing = layouts.linesSharingSummary(year);

        Map<String, List<InitiativeView>> byCategory = new LinkedHashMap<>();
        lines.stream()
                .sorted(Comparator.comparing((InitiativeView v) -> v.categoryCode().length()).thenComparing(InitiativeView::categoryCode))
                .forEach(v -> byCategory.computeIfAbsent(v.categoryCode(), k -> new ArrayList<>()).add(v));

        List<BudgetTable.Section> sections = new ArrayList<>();
        int row = 0;
        for (var entry : byCategory.entrySet()) {
            List<InitiativeView> views = entry.getValue();
            var layout = sectionLayouts.get(entry.getKey());
            String name = layout != null ? layout.name() : views.get(views.size() - 1).categoryName();
            List<BudgetTable.Line> tableLines = new ArrayList<>();
            for (InitiativeView v : views) {
                tableLines.add(new BudgetTable.Line(++row, v.department(), v.name(), Money.ofYen(v.amountYen()), v.summary(),
                        sharing.contains(v.id())));
            }
            sections.add(new BudgetTable.Section(entry.getKey(), name, row, tableLines,
                    layout == null ? List.of() : layout.notes(), null));
        }
        String title = document.map(DocumentLayoutQueries.DocumentHeader::title)
                .orElse(fiscalYear.japaneseName() + " 予算事業一覧表");
        String attachment = document.map(DocumentLayoutQueries.DocumentHeader::attachment).orElse(null);
        boolean amended = lines.stream().anyMatch(v -> v.version() > 0);
        return new Report(new BudgetTable(title, attachment, AmountUnit.THOUSAND_YEN, sections, List.of()),
                amended ? CURRENT_HEADER : INITIAL_HEADER, fiscalYear);
    }
}
