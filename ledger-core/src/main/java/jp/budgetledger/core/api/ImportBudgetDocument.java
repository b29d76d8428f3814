package jp.budgetledger.core.api;

import java.util.List;
import java.util.Objects;

/**
 * Records a whole budget document at once: every line becomes an {@link AddInitiative} under
 * the same rules, followed by {@link BudgetDocumentImported}. All or nothing: one rejected line
 * rejects the document and records nothing. Returns an {@link ImportResult}.
 */
public record ImportBudgetDocument(DocumentId documentId, FiscalYear fiscalYear, DocumentInfo document,
                                   List<DocumentSection> sections, List<ImportedLine> lines, ChangeContext change) {

    public ImportBudgetDocument {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(change, "change");
        sections = List.copyOf(sections);
        lines = List.copyOf(lines);
    }
}
