package jp.budgetledger.core.api;

/** What {@link TransferFunds} returns: the new versions of both lines, and the level crossed and clause cited as {@link FundsTransferred} records them. */
public record TransferResult(TransferId transferId, long fromVersion, long toVersion, String level, String clause) {

    public TransferResult(TransferId transferId, long fromVersion, long toVersion) {
        this(transferId, fromVersion, toVersion, null, null);
    }
}
