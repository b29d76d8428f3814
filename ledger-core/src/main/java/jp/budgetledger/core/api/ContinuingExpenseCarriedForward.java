package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/**
 * {@code amount} of a 継続費's share of {@code fiscalYear} (year k) was carried into {@code toYear} (k+1) (逓次繰越): the line
 * {@code toLine} of k+1 grew by it from 1 April k+1 in the same unit of work; {@code fromLine}, k's share line, is unchanged.
 * Recorded for k (its effective date is k's last day), so it may be recorded after k ended until k is closed.
 */
@Revision("1")
public record ContinuingExpenseCarriedForward(
        ContinuingExpenseId continuingExpenseId,
        FiscalYear fiscalYear,
        FiscalYear toYear,
        Money amount,
        InitiativeId fromLine,
        InitiativeId toLine,
        ChangeContext change) implements LedgerEvent, PermittedAfterYearEnd {
}
