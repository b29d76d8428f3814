package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/**
 * The amount of a budget line changed from {@code amountBefore} to {@code amountAfter}.
 * Carries the line's fiscal year, category and department at the time of the change so that
 * readers can fold totals without looking anything up.
 */
@Revision("1")
public record AmountAmended(
        InitiativeId initiativeId,
        FiscalYear fiscalYear,
        Category category,
        Department department,
        Money amountBefore,
        Money amountAfter,
        ChangeContext change) implements LedgerEvent {

    /** {@code amountAfter - amountBefore}. */
    public Money delta() {
        return amountAfter.minus(amountBefore);
    }
}
