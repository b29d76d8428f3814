package jp.budgetledger.core.api;

import java.util.Objects;

/**
 * One year's share (年割額) of a 継続費 and the line of that year that holds it. {@code amount} is zero or more.
 */
public record AnnualShare(FiscalYear fiscalYear, Money amount, InitiativeId initiativeId) {

    public AnnualShare {
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(initiativeId, "initiativeId");
    }
}
