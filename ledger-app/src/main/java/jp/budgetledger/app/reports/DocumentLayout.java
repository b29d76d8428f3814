package jp.budgetledger.app.reports;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.document.AmountUnit;
import jp.budgetledger.core.document.BudgetTableLayout;
import jp.budgetledger.core.document.BudgetTableLayout.Amount;
import jp.budgetledger.core.document.BudgetTableLayout.Cell;
import jp.budgetledger.core.document.BudgetTableLayout.Kind;
import jp.budgetledger.core.document.BudgetTableLayout.Row;
import jp.budgetledger.core.document.BudgetTableLayout.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rows of a document's layout as they are added, amounts in 千円, with the rounding note at the end when some figure was not exact. */
final class DocumentLayout {

    static final AmountUnit UNIT = AmountUnit.THOUSAND_YEN;

    final String title;
    final List<String> headers;
    final List<Row> rows = new ArrayList<>();
    final List<Map<String, Object>> records = new ArrayList<>();
    boolean rounded;
    boolean unitShown;
    final SubjectReports.ReportMoment moment;

    DocumentLayout(String title, List<String> headers) {
        this(title, headers, null);
    }

    /** A layout whose title is followed by the line saying the moment it shows, when there is one. */
    DocumentLayout(String title, List<String> headers, SubjectReports.ReportMoment moment) {
        this.title = title;
        this.headers = headers;
        this.moment = moment;
        rows.add(new Row(Kind.TITLE, List.of(new Text(title))));
        if (moment != null) {
            rows.add(new Row(Kind.NOTE, List.of(new Text(moment.text()))));
        }
        blank();
    }

    void section(String name) {
        rows.add(new Row(Kind.SECTION, List.of(new Text(name))));
    }

    void header() {
        if (!unitShown) {
            rows.add(new Row(Kind.UNIT, List.of(new Text("(単位:" + UNIT.label() + ")"))));
            unitShown = true;
        }
        rows.add(new Row(Kind.HEADER, headers.stream().map(h -> (Cell) new Text(h)).toList()));
    }

    /** A row of the layout, and its figures as a record unless {@code record} is null. */
    void row(Kind kind, Map<String, Object> record, Cell... cells) {
        rows.add(new Row(kind, List.of(cells)));
        if (record != null) {
            records.add(record);
        }
    }

    Amount amount(long yen) {
        Money money = Money.ofYen(yen);
        rounded |= !UNIT.isExact(money);
        return new Amount(UNIT.fromMoney(money));
    }

    void blank() {
        rows.add(new Row(Kind.BLANK, List.of()));
    }

    SubjectReports.Report report(FiscalYear fiscalYear) {
        if (rounded) {
            rows.add(new Row(Kind.NOTE, List.of(new Text(BudgetTableLayout.ROUNDING_NOTE))));
        }
        return new SubjectReports.Report(title, fiscalYear.value(), UNIT.label(), headers, List.copyOf(rows), List.copyOf(records), moment);
    }
}
