package jp.budgetledger.core.api;

/** What {@link UseReserveFund} returns: the new versions of the reserve line and the line it went to. */
public record ReserveFundUseResult(ReserveFundUseId useId, long fromVersion, long toVersion) {
}
