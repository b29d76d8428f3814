package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.BudgetDocumentImported;
import jp.budgetledger.core.api.DocumentId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An imported budget document: the record of what was imported from which bytes. */
public class BudgetDocument {

    @AggregateIdentifier
    private DocumentId id;

    protected BudgetDocument() {
    }

    BudgetDocument(BudgetDocumentImported imported) {
        apply(imported);
    }

    @EventSourcingHandler
    void on(BudgetDocumentImported event) {
        id = event.documentId();
    }
}
