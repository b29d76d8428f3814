package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/**
 * A 債務負担行為 was set in {@code fiscalYear}'s budget ({@code supplementaryBudgetId} null: the 当初予算): its 事項, 会計,
 * department (null: none given), period of fiscal years and 限度額. A commitment, never an amount of a year.
 */
@Revision("1")
public record DebtCommitmentSet(DebtCommitmentId commitmentId, FiscalYear fiscalYear, String matter, SubjectLevel account,
                                Department department, FiscalYear periodFrom, FiscalYear periodTo, DebtLimit limit,
                                String supplementaryBudgetId, ChangeContext change) implements LedgerEvent {
}
