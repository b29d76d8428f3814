package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/** {@code approver} rejected the draft for {@code reason}; its proposal never takes effect. */
@Revision("1")
public record DraftRejected(DraftId draftId, String approver, String reason) implements DraftEvent {
}
