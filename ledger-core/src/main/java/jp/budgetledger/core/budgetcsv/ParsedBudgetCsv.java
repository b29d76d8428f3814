package jp.budgetledger.core.budgetcsv;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.document.AmountUnit;
import jp.budgetledger.core.document.DocumentProblem;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What the parser made of a budget CSV: the rows it could read, every problem found (sorted by
 * line), the fiscal year of the rows (null when unknown), the unit amounts were read in, the
 * SHA-256 of the bytes as received, the character set they were read in and the file's layout. The file is
 * acceptable only when {@link #problems()} is empty.
 */
public record ParsedBudgetCsv(List<BudgetCsvRow> rows, List<DocumentProblem> problems, FiscalYear fiscalYear,
                              AmountUnit unit, String sha256, Charset charset, Layout layout) {

    /** How the file lays out its lines: one row per line with its whole path, or an outline of the book with subtotals. */
    public enum Layout { ROWS, OUTLINE }

    public ParsedBudgetCsv {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public ParsedBudgetCsv(List<BudgetCsvRow> rows, List<DocumentProblem> problems, FiscalYear fiscalYear,
                           AmountUnit unit, String sha256, Charset charset) {
        this(rows, problems, fiscalYear, unit, sha256, charset, Layout.ROWS);
    }

    public boolean isAcceptable() {
        return problems.isEmpty();
    }
}
