package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/** A 債務負担行為 of {@code fiscalYear} was abolished (廃止) by the supplementary budget {@code supplementaryBudgetId}. */
@Revision("1")
public record DebtCommitmentAbolished(DebtCommitmentId commitmentId, FiscalYear fiscalYear, String supplementaryBudgetId,
                                      ChangeContext change) implements LedgerEvent {
}
