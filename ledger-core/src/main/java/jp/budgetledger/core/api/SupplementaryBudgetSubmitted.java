package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A supplementary budget was submitted to the assembly as bill {@code number} of its series ({@code account}: the 会計's key,
 * null for the unclassified lines' series) with {@code title}; {@code items} as submitted, none in force yet.
 */
@Revision("1")
public record SupplementaryBudgetSubmitted(SupplementaryBudgetId budgetId, FiscalYear fiscalYear, String name, String reference,
                                           String billNumber, String account, int number, String title, LocalDate submittedOn,
                                           List<SupplementaryItem> items, ChangeContext change) implements LedgerEvent {
}
