package jp.budgetledger.core.api;

import java.util.Objects;

/**
 * Records {@code proposal} as a draft (起案) by {@code requester}, to take effect only once another
 * user approves it. The proposal is checked against every rule it would meet now; a proposal
 * refused by one records nothing. Produces {@link ChangeDrafted}.
 */
public record DraftChange(DraftId draftId, Proposal proposal, String requester) {

    /** The longest user name a draft records. */
    public static final int USER_NAME_LENGTH = 200;

    public DraftChange {
        Objects.requireNonNull(draftId, "draftId");
        Objects.requireNonNull(proposal, "proposal");
        requester = Text.required("requester", requester, USER_NAME_LENGTH);
    }
}
