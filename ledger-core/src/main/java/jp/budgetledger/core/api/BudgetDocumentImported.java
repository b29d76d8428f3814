package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A budget document was imported: the lines it added (each with its own {@link InitiativeAdded},
 * recorded just before this event in the same transaction), its sections with their notes, and
 * which lines share a summary cell, so that the document can be laid out again.
 */
@Revision("1")
public record BudgetDocumentImported(DocumentId documentId, FiscalYear fiscalYear, DocumentInfo document,
                                     List<DocumentSection> sections, List<DocumentLine> lines, ChangeContext change) implements LedgerEvent {
}
