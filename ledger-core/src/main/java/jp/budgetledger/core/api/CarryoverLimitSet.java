package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/**
 * A line's 繰越明許費 limit was set to {@code limit} (from {@code limitBefore}, null when it had none) by the 当初予算
 * ({@code supplementaryBudgetId} null) or by the supplementary budget named.
 */
@Revision("1")
public record CarryoverLimitSet(
        InitiativeId initiativeId,
        FiscalYear fiscalYear,
        Money limit,
        Money limitBefore,
        String supplementaryBudgetId,
        ChangeContext change) implements LedgerEvent {
}
