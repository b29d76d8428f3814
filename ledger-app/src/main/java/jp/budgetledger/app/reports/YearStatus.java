package jp.budgetledger.app.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.document.BudgetTableLayout.Cell;
import jp.budgetledger.core.document.BudgetTableLayout.Kind;
import jp.budgetledger.core.document.BudgetTableLayout.Row;
import jp.budgetledger.core.document.BudgetTableLayout.Text;
import jp.budgetledger.projections.years.FiscalYearQueries;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a report's fiscal year was closed (確定) at the report's moment, and how its documents say so: JSON gains
 * {@code "closed": true} and {@code closedAt}; CSV, XLSX and text documents end their title with 「（確定）」, and so do their
 * file names. An open year's documents are left as they are.
 */
@Service
public class YearStatus {

    /** What a closed year's titles end with. */
    public static final String CLOSED_LABEL = "（確定）";

    private final FiscalYearQueries years;
    private final ObjectMapper json;

    public YearStatus(FiscalYearQueries years, ObjectMapper json) {
        this.years = years;
        this.json = json;
    }

    /** A fiscal year's state at a moment as reports give it. */
    public record Status(FiscalYear fiscalYear, boolean closed, Instant closedAt) {

        /** 「（確定）」 for a closed year, nothing otherwise. */
        public String label() {
            return closed ? CLOSED_LABEL : "";
        }

        /** {@code title} with the label. */
        public String title(String title) {
            return title + label();
        }
    }

    /** The year's state at {@code asOf} (null: now). */
    public Status of(FiscalYear year, Instant asOf) {
        return years.closeInForce(year.value(), asOf == null ? Instant.now() : asOf)
                .map(close -> new Status(year, true, close.recordedAt()))
                .orElseGet(() -> new Status(year, false, null));
    }

    /** 「（確定）」 when the year was closed at {@code asOf} (null: now), nothing otherwise. */
    public String label(FiscalYear year, Instant asOf) {
        return of(year, asOf).label();
    }

    /** {@code rows} with the first title row ending with the label, for a closed year; as they are otherwise. */
    public static List<Row> mark(List<Row> rows, Status status) {
        if (!status.closed()) {
            return rows;
        }
        List<Row> marked = new ArrayList<>(rows);
        for (int i = 0; i < marked.size(); i++) {
            Row row = marked.get(i);
            if (row.kind() == Kind.TITLE && !row.cells().isEmpty() && row.cells().get(0) instanceof Text text) {
                List<Cell> cells = new ArrayList<>(row.cells());
                cells.set(0, new Text(status.title(text.value())));
                marked.set(i, new Row(row.kind(), cells));
                return marked;
            }
        }
        marked.add(0, new Row(Kind.TITLE, List.of(new Text(status.fiscalYear().japaneseName() + CLOSED_LABEL))));
        return marked;
    }

    /** {@code text} (a document as text) with its first line ending with the label, for a closed year. */
    public static String mark(String text, Status status) {
        if (!status.closed()) {
            return text;
        }
        int end = text.indexOf('\n');
        if (end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end < 0 ? status.title(text) : status.title(text.substring(0, end)) + text.substring(end);
    }

    /** {@code figures} as JSON with {@code closed} (and {@code closedAt} for a closed year) added, when it is a JSON object. */
    public Object json(Object figures, Status status) {
        if (!(json.valueToTree(figures) instanceof ObjectNode node)) {
            return figures;
        }
        node.put("closed", status.closed());
        if (status.closed()) {
            node.put("closedAt", status.closedAt().toString());
        }
        return node;
    }
}
