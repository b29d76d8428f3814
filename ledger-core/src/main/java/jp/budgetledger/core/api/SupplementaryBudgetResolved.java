package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The assembly resolved a submitted supplementary budget on {@code resolvedOn}; {@code amendedItems} are the items it put in
 * force instead of the submitted ones (修正可決), null otherwise. Unless rejected, {@link SupplementaryBudgetEnacted} follows.
 */
@Revision("1")
public record SupplementaryBudgetResolved(SupplementaryBudgetId budgetId, FiscalYear fiscalYear, ResolutionOutcome outcome,
                                          LocalDate resolvedOn, List<SupplementaryItem> amendedItems, ChangeContext change) implements LedgerEvent {
}
