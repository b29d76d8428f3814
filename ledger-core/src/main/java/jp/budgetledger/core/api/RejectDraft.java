package jp.budgetledger.core.api;

import java.util.Objects;

/** Rejects a pending draft, giving the reason; {@code approver} must not be its requester. Produces {@link DraftRejected}, nothing else. */
public record RejectDraft(DraftId draftId, String approver, String reason) {
    public RejectDraft {
        Objects.requireNonNull(draftId, "draftId");
        approver = Text.required("approver", approver, DraftChange.USER_NAME_LENGTH);
        reason = Text.required("reason", reason, ChangeContext.MAX_REASON_LENGTH);
    }
}
