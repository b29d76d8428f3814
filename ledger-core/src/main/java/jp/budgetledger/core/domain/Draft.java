package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.ChangeDrafted;
import jp.budgetledger.core.api.DraftApproved;
import jp.budgetledger.core.api.DraftChange;
import jp.budgetledger.core.api.DraftId;
import jp.budgetledger.core.api.DraftRejected;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.Proposal;
import jp.budgetledger.core.api.ProposalKinds;
import jp.budgetledger.core.api.MetadataKeys;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A draft (起案) of a change that needs four-eyes approval: pending until a user other than its
 * requester approves or rejects it, and then never decided again.
 */
public class Draft {

    /** Where a draft stands. */
    public enum State { PENDING, APPROVED, REJECTED }

    @AggregateIdentifier
    private DraftId id;
    private Proposal proposal;
    private String requester;
    private String requesterName;
    private State state;

    protected Draft() {
    }

    Draft(DraftChange command, FiscalYear fiscalYear) {
        apply(new ChangeDrafted(command.draftId(), ProposalKinds.of(command.proposal()), command.proposal(), command.requester(),
                fiscalYear));
    }

    /**
     * Approves the draft.
     *
     * @return the proposal to carry out, as the requester's change
     * @throws DraftNotPendingException when it was already decided
     * @throws SelfApprovalException    when {@code approver} is its requester
     */
    Proposal approve(String approver) {
        requireDecidableBy(approver);
        apply(new DraftApproved(id, approver));
        return proposal;
    }

    /** Rejects the draft; the same rules as {@link #approve}. */
    void reject(String approver, String reason) {
        requireDecidableBy(approver);
        apply(new DraftRejected(id, approver, reason));
    }

    String requester() {
        return requester;
    }

    /** The requester's display name as recorded beside the actor on the draft ({@link MetadataKeys#ACTOR_NAME}); null when none was. */
    String requesterName() {
        return requesterName;
    }

    private void requireDecidableBy(String approver) {
        if (state != State.PENDING) {
            throw new DraftNotPendingException(id, state);
        }
        if (requester.equals(approver)) {
            throw new SelfApprovalException(id, approver);
        }
    }

    @EventSourcingHandler
    void on(ChangeDrafted event, @MetaDataValue(MetadataKeys.ACTOR_NAME) String actorName) {
        id = event.draftId();
        proposal = event.proposal();
        requester = event.requester();
        requesterName = actorName;
        state = State.PENDING;
    }

    @EventSourcingHandler
    void on(DraftApproved event) {
        state = State.APPROVED;
    }

    @EventSourcingHandler
    void on(DraftRejected event) {
        state = State.REJECTED;
    }
}
