package jp.budgetledger.core.budgetcsv;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.document.AmountUnit;
import jp.budgetledger.core.document.DocumentProblem;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What the parser made of a budget CSV: the rows it could read, every problem found (sorted by
 * line), the fiscal year of the rows (null when unknown), the unit amounts were read in, the
 * SHA-256 of the bytes as received and the character set they were read in. The file is
 * acceptable only when {@link #problems()} is empty.
 */
public record ParsedBudgetCsv(List<BudgetCsvRow> rows, List<DocumentProblem> problems, FiscalYear fiscalYear,
                              AmountUnit unit, String sha256, Charset charset) {

    public ParsedBudgetCsv {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public boolean isAcceptable() {
        return problems.isEmpty();
    }
}
