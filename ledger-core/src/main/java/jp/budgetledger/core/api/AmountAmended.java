package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/**
 * The amount of a budget line changed from {@code amountBefore} to {@code amountAfter}.
 * Carries the line's fiscal year, category and department at the time of the change so that
 * readers can fold totals without looking anything up. {@code cause} is null for a plain
 * amendment, otherwise the supplementary budget, transfer or correction it belongs to.
 */
@Revision("1")
public record AmountAmended(
        InitiativeId initiativeId,
        FiscalYear fiscalYear,
        Category category,
        Department department,
        Money amountBefore,
        Money amountAfter,
        ChangeContext change,
        ChangeCause cause) implements LedgerEvent {

    /** A plain amendment, not part of anything larger. */
    public AmountAmended(InitiativeId initiativeId, FiscalYear fiscalYear, Category category, Department department,
                         Money amountBefore, Money amountAfter, ChangeContext change) {
        this(initiativeId, fiscalYear, category, department, amountBefore, amountAfter, change, null);
    }

    /** {@code amountAfter - amountBefore}. */
    public Money delta() {
        return amountAfter.minus(amountBefore);
    }
}
