package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/** A 節 of the 会計 {@code account} was barred as the source of transfers in {@code fiscalYear}. */
@Revision("1")
public record SetsuBarred(String provisionsId, FiscalYear fiscalYear, SubjectLevel account, BarredSetsu barred,
                          ChangeContext change) implements LedgerEvent {
}
