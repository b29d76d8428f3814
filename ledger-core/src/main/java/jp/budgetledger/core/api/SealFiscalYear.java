package jp.budgetledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/**
 * Keeps with the close of {@code fiscalYear} recorded as the year's event {@code closeSequence} the signed tree head
 * {@code head}, whose tree includes that close (at {@code closePosition} of the store). Nothing happens when that close is
 * sealed already or is no longer the year's current close. Produces {@link FiscalYearSealed}; returns the year's version.
 */
public record SealFiscalYear(FiscalYear fiscalYear, long closeSequence, long closePosition, FiscalYearSealed.TreeHead head,
                             ChangeContext change) {

    public SealFiscalYear {
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(change, "change");
    }

    @TargetAggregateIdentifier
    public String lifeId() {
        return FiscalYearLifeId.of(fiscalYear);
    }
}
