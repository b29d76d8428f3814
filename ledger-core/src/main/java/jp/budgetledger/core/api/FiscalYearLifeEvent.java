package jp.budgetledger.core.api;

/**
 * An event of the life of a fiscal year itself (its close, its reopening, the seal of its close). Always recorded, whatever
 * the year's state: the year's own aggregate decides whether it may happen.
 */
public interface FiscalYearLifeEvent extends LedgerEvent {
}
