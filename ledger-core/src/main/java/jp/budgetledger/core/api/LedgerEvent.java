package jp.budgetledger.core.api;

/**
 * Every event of the ledger says why and from when it applies. Infrastructure copies the
 * change context into the event's metadata (recordedAt, effectiveDate, reason, reference) so that
 * audit tools can read it without knowing the event's type.
 */
public interface LedgerEvent {

    /** The resolved change context: its effective date is never null. */
    ChangeContext change();

    /** The fiscal year the event belongs to. */
    FiscalYear fiscalYear();
}
