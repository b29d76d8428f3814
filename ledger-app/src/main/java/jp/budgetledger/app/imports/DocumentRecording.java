package jp.budgetledger.app.imports;

import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.command.Recorded;
import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.observability.LedgerMetrics;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.ImportBudgetDocument;
import jp.budgetledger.core.api.ImportResult;
import jp.budgetledger.core.domain.DocumentLineRejectedException;
import jp.budgetledger.core.domain.LedgerRuleViolation;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.function.Function;

/** Sends the one command that records an imported document, as every import does. */
final class DocumentRecording {

    private DocumentRecording() {
    }

    /**
     * @param column the document's column that gives a concept a ledger rule named
     * @return what was recorded, or null when a ledger rule rejected the document, with the error added to {@code errors}
     */
    static Recorded<ImportResult> record(LedgerCommands commands, LedgerMetrics metrics, ImportBudgetDocument command,
                                         Requester requester, Function<Concept, String> column, List<ImportReport.Error> errors) {
        try {
            Recorded<ImportResult> recorded = commands.importDocument(command, requester);
            metrics.imported(recorded.result().linesAdded());
            return recorded;
        } catch (DocumentLineRejectedException e) {
            errors.add(new ImportReport.Error(e.row(), column.apply(e.concept()), e.violation().getMessage()));
        } catch (LedgerRuleViolation e) {
            errors.add(new ImportReport.Error(0, column.apply(e.concept()), e.getMessage()));
        } catch (ConcurrencyException e) {
            errors.add(new ImportReport.Error(0, null, "the same document was imported at the same time by another request"));
        }
        return null;
    }
}
