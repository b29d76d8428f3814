package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A 継続費 (地方自治法 第212条) was set by the budget of its first year {@code fiscalYear}: {@code total} spread over
 * {@code shares} (年割額, consecutive years from {@code fiscalYear}, summing to the total), each held by a line of its year
 * recorded in the same unit of work (whose {@link InitiativeAdded#continuingExpenseId()} names this 継続費).
 * {@code supplementaryBudgetId} is null when the 当初予算 set it, otherwise the supplementary budget that did.
 */
@Revision("1")
public record ContinuingExpenseRegistered(
        ContinuingExpenseId continuingExpenseId,
        FiscalYear fiscalYear,
        String name,
        Department department,
        Category category,
        Classification classification,
        Money total,
        List<AnnualShare> shares,
        String supplementaryBudgetId,
        ChangeContext change) implements LedgerEvent {

    /** The last year of the 継続費's period. */
    public FiscalYear lastYear() {
        return shares.get(shares.size() - 1).fiscalYear();
    }
}
