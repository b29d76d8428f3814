package jp.budgetledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/**
 * Carries {@code amount} of a 継続費's share of {@code fromYear} that was not spent into the next year (逓次繰越, 地方自治法施行令
 * 第145条第1項): not from the last year of its period, and at most the share of {@code fromYear} plus what was carried into it
 * minus what was already carried out of it. The ledger tracks no payments, so the amount is entered. Produces an
 * {@link AmountAmended} of the next year's share line (cause {@link ChangeCause#CONTINUING_EXPENSE}, effective 1 April of the
 * next year) and a {@link ContinuingExpenseCarriedForward}; the handler returns the 継続費's new version.
 */
public record CarryForwardContinuingExpense(
        @TargetAggregateIdentifier ContinuingExpenseId continuingExpenseId,
        FiscalYear fromYear,
        Money amount,
        ChangeContext change) {

    public CarryForwardContinuingExpense {
        Objects.requireNonNull(continuingExpenseId, "continuingExpenseId");
        Objects.requireNonNull(fromYear, "fromYear");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(change, "change");
    }
}
