package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/**
 * A 債務負担行為 of {@code fiscalYear} was amended by the supplementary budget {@code supplementaryBudgetId}: its 限度額 and
 * the last year of its period before and after (equal when unchanged).
 */
@Revision("1")
public record DebtCommitmentAmended(DebtCommitmentId commitmentId, FiscalYear fiscalYear, String supplementaryBudgetId,
                                    DebtLimit limitBefore, DebtLimit limitAfter, FiscalYear periodToBefore, FiscalYear periodToAfter,
                                    ChangeContext change) implements LedgerEvent {
}
