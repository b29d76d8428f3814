package jp.budgetledger.core.document;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What the parser made of a document: the table as far as it could be read, the
 * reconciliation of its printed figures, and every problem found. A document is acceptable
 * only when {@link #problems()} is empty.
 *
 * @param sha256  hex SHA-256 of the bytes as received, naming the document in the ledger
 * @param charset the character set the bytes were read in
 */
public record ParsedDocument(BudgetTable table, Reconciliation reconciliation, List<DocumentProblem> problems,
                             String sha256, Charset charset) {

    public ParsedDocument {
        problems = List.copyOf(problems);
    }

    public boolean isAcceptable() {
        return problems.isEmpty();
    }
}
