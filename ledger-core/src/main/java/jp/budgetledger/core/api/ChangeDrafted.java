package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/** {@code requester} drafted {@code proposal}, of the given {@code kind} (its JSON type name); it waits for approval. */
@Revision("1")
public record ChangeDrafted(DraftId draftId, String kind, Proposal proposal, String requester) implements DraftEvent {
}
