package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/**
 * A budget line was added with its initial amount. {@code change.effectiveDate()} is never null.
 * The first event of every line (sequence 0).
 */
@Revision("1")
public record InitiativeAdded(
        InitiativeId initiativeId,
        FiscalYear fiscalYear,
        Category category,
        Department department,
        String name,
        Money amount,
        String summary,
        ChangeContext change) implements LedgerEvent {
}
