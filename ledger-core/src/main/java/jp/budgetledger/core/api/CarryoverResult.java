package jp.budgetledger.core.api;

/** What a recorded carry-over answers: its id, the source line's new version and the line it opened in the next year. */
public record CarryoverResult(CarryoverId carryoverId, long fromVersion, InitiativeId carriedLineId) {
}
