package jp.budgetledger.core.api;

/** Why a line ends: abolished (廃止), or merged into another line (統合). */
public enum WithdrawalKind {
    ABOLISHED, MERGED
}
