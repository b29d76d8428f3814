package jp.budgetledger.projections.approvals;

import java.time.Instant;
import java.util.List;

/**
 * A draft as the read model holds it: its kind and state ({@code pending}, {@code approved},
 * {@code rejected}), who asked and when, who decided and when, the rejection's reason, the proposal
 * as JSON, the ids of the changes it resulted in once approved, and the store position it was drafted at.
 */
public record DraftView(String draftId, String kind, String state, String requester, Instant requestedAt, String approver,
                        Instant decidedAt, String reason, String proposalJson, List<String> changeIds, long position) {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final List<String> STATES = List.of(PENDING, APPROVED, REJECTED);
}
