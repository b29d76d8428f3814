package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.ApprovalResult;
import jp.budgetledger.core.api.ApproveDraft;
import jp.budgetledger.core.api.DraftChange;
import jp.budgetledger.core.api.DraftId;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.core.api.Proposal;
import jp.budgetledger.core.api.RejectDraft;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Four-eyes approval of proposals. Drafting checks the proposal first, so a refused one records
 * nothing; the draft names the fiscal year the proposal changes, whose calendar it passes as drafted. Approving sends the proposal on {@code commandBus} from within the approval's unit of
 * work: the nested command joins it (and its transaction), so the proposal's events and
 * {@code DraftApproved} are committed together or not at all. The proposal is sent as the
 * requester's command: metadata {@code actor} is the requester, {@code approvedBy} the approver,
 * {@code draftId} the draft; the other metadata (correlation, request) is the approval's.
 */
public class DraftHandlers {

    private final Repository<Draft> drafts;
    private final ProposalCheck check;
    private final CommandBus commandBus;

    public DraftHandlers(Repository<Draft> drafts, ProposalCheck check, CommandBus commandBus) {
        this.drafts = drafts;
        this.check = check;
        this.commandBus = commandBus;
    }

    @CommandHandler
    public DraftId handle(DraftChange command) throws Exception {
        FiscalYear year = check.check(command.proposal());
        drafts.newInstance(() -> new Draft(command, year));
        return command.draftId();
    }

    @CommandHandler
    public ApprovalResult handle(ApproveDraft command) {
        Aggregate<Draft> draft = load(command.draftId());
        Proposal proposal = draft.invoke(d -> d.approve(command.approver()));
        // The change is the requester's: their display name (or none), never the approver's carried over from this request.
        String requesterName = draft.invoke(Draft::requesterName);
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(proposal);
        MetaData metaData = message.getMetaData().withoutKeys(java.util.Set.of(MetadataKeys.ACTOR_NAME))
                .and(MetadataKeys.ACTOR, draft.invoke(Draft::requester))
                .and(MetadataKeys.APPROVED_BY, command.approver())
                .and(MetadataKeys.DRAFT_ID, command.draftId().value());
        message = message.withMetaData(requesterName == null ? metaData : metaData.and(MetadataKeys.ACTOR_NAME, requesterName));
        FutureCallback<Object, Object> result = new FutureCallback<>();
        commandBus.dispatch(message, result);
        CommandResultMessage<?> outcome = result.getResult();
        if (outcome.isExceptional()) {
            Throwable failure = outcome.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failure);
        }
        return new ApprovalResult(proposal.changeId(), outcome.getPayload());
    }

    @CommandHandler
    public DraftId handle(RejectDraft command) {
        load(command.draftId()).execute(d -> d.reject(command.approver(), command.reason()));
        return command.draftId();
    }

    private Aggregate<Draft> load(DraftId id) {
        try {
            return drafts.load(id.value());
        } catch (AggregateNotFoundException e) {
            throw new UnknownDraftException(id);
        }
    }
}
