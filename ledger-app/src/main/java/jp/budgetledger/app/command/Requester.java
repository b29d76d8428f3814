package jp.budgetledger.app.command;

/** Who sends a command and which request it belongs to; stored as event metadata. */
public record Requester(String actor, String correlationId) {
}
