package jp.budgetledger.core.api;

/** What {@link TransferFunds} returns: the new versions of both lines. */
public record TransferResult(TransferId transferId, long fromVersion, long toVersion) {
}
