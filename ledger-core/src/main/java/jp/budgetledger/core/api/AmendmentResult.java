package jp.budgetledger.core.api;

/** What {@link AmendAmount} returns: the line's new version (event sequence number) and amount. */
public record AmendmentResult(InitiativeId initiativeId, long version, Money amount) {
}
