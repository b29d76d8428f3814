package jp.budgetledger.core.api;

/** What {@link ImportBudgetDocument} returns: the document and how many lines it added. */
public record ImportResult(DocumentId documentId, int linesAdded) {
}
