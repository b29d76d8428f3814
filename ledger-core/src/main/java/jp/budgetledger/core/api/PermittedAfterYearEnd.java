package jp.budgetledger.core.api;

/**
 * An event the law lets one record for its fiscal year N after that year ended (31 March N+1) and
 * until the year is closed: the record of a carry-over (繰越明許費, 事故繰越) or of a 逓次繰越 of a
 * 継続費. Implemented, next to {@link LedgerEvent}, by events of that kind.
 */
public interface PermittedAfterYearEnd {
}
