package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/** A 項間流用 clause of the 予算総則 of {@code fiscalYear} was registered for the 会計 {@code account}. */
@Revision("1")
public record TransferClauseRegistered(String provisionsId, FiscalYear fiscalYear, SubjectLevel account, TransferClause clause,
                                       ChangeContext change) implements LedgerEvent {
}
