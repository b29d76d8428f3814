package jp.budgetledger.core.api;

import java.util.Objects;

/**
 * Approves a pending draft: {@code approver} must not be its requester. The draft's proposal is
 * then sent, in the same unit of work, as the requester's command with the approver beside the
 * actor; if the proposal is refused now, nothing is recorded and the draft stays pending.
 * Produces {@link DraftApproved} and the proposal's own events. Returns an {@link ApprovalResult}: the change's id and
 * what the proposal's handler returned.
 */
public record ApproveDraft(DraftId draftId, String approver) {
    public ApproveDraft {
        Objects.requireNonNull(draftId, "draftId");
        approver = Text.required("approver", approver, DraftChange.USER_NAME_LENGTH);
    }
}
