package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/** {@code approver} approved the draft; its proposal took effect in the same transaction, as the requester's change. */
@Revision("1")
public record DraftApproved(DraftId draftId, String approver) implements DraftEvent {
}
