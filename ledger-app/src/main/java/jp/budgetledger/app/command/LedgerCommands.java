package jp.budgetledger.app.command;

import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.AmendAmount;
import jp.budgetledger.core.api.AmendmentResult;
import jp.budgetledger.core.api.ApprovalResult;
import jp.budgetledger.core.api.ApproveDraft;
import jp.budgetledger.core.api.CarryoverResult;
import jp.budgetledger.core.api.RecordCarryover;
import jp.budgetledger.core.api.DraftChange;
import jp.budgetledger.core.api.DraftId;
import jp.budgetledger.core.api.Proposal;
import jp.budgetledger.core.api.RejectDraft;
import jp.budgetledger.core.api.EnactSupplementaryBudget;
import jp.budgetledger.core.api.ImportBudgetDocument;
import jp.budgetledger.core.api.ImportResult;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.core.api.ReserveFundUseResult;
import jp.budgetledger.core.api.DecideSupplementaryBudgetBySenketsu;
import jp.budgetledger.core.api.SubmitSupplementaryBudget;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import jp.budgetledger.core.api.SupplementaryBudgetSubmitted;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.TransferResult;
import jp.budgetledger.core.api.UseReserveFund;
import jp.budgetledger.app.eventstore.AppendedPositions;
import jp.budgetledger.app.eventstore.StoredEvents;
import jp.budgetledger.app.idempotency.IdempotentRequest;
import jp.budgetledger.app.observability.LedgerMetrics;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.stereotype.Service;

/**
 * Sends commands with their metadata and waits until their events are committed. Domain rule
 * violations surface as the named exceptions of {@code jp.budgetledger.core.domain}. A command
 * that lost a race to append (another writer, possibly on another node, changed the same line
 * first) is run again on the new state, up to {@value #ATTEMPTS} times, and never merged blindly;
 * a command given an expected version (If-Match) is not retried. The retry of an idempotent request whose first run
 * committed is not sent again: it returns what the first run returned ({@link IdempotentRequest#takeReplay()}).
 * The metadata set here ({@code actor} and the request's ids) is the sender's: an approved draft's proposal is
 * sent from within its approval with the requester as actor and the approver beside, never through here.
 */
@Service
public class LedgerCommands {

    static final int ATTEMPTS = 5;
    private final CommandGateway gateway;
    private final StoredEvents store;
    private final LedgerMetrics metrics;

    public LedgerCommands(CommandGateway gateway, StoredEvents store, LedgerMetrics metrics) {
        this.gateway = gateway;
        this.store = store;
        this.metrics = metrics;
    }

    public Recorded<String> add(AddInitiative command, Requester requester) {
        send(command, requester);
        String id = command.initiativeId().value();
        long version = command.carryoverLimit() == null ? 0 : 1;
        return new Recorded<>(id, version, positionOf(id, version));
    }

    public Recorded<AmendmentResult> amend(AmendAmount command, Requester requester) {
        AmendmentResult result = send(command, requester);
        return new Recorded<>(result, result.version(), positionOf(result.initiativeId().value(), result.version()));
    }

    /** A command on one line whose handler returns the line's new version. */
    public Recorded<Long> change(Object command, InitiativeId line, Requester requester) {
        return change(command, line.value(), requester);
    }

    /** A command on the aggregate {@code aggregateId} (a fiscal year's 予算総則) whose handler returns its new version. */
    public Recorded<Long> change(Object command, String aggregateId, Requester requester) {
        long version = send(command, requester);
        return new Recorded<>(version, version, positionOf(aggregateId, version));
    }

    public Recorded<TransferResult> transfer(TransferFunds command, Requester requester) {
        TransferResult result = send(command, requester);
        return new Recorded<>(result, result.toVersion(), positionOf(command.transferId().value(), 0));
    }

    public Recorded<ReserveFundUseResult> useReserveFund(UseReserveFund command, Requester requester) {
        ReserveFundUseResult result = send(command, requester);
        return new Recorded<>(result, result.toVersion(), positionOf(command.useId().value(), 0));
    }

    /** Records a carry-over; the position is that of the addition of the line it opened, its last event. */
    public Recorded<CarryoverResult> carryOver(RecordCarryover command, Requester requester) {
        CarryoverResult result = send(command, requester);
        return new Recorded<>(result, result.fromVersion(), positionOf(command.carriedLineId().value(), 0));
    }

    public Recorded<SupplementaryBudgetEnacted> enact(EnactSupplementaryBudget command, Requester requester) {
        SupplementaryBudgetEnacted result = send(command, requester);
        return new Recorded<>(result, 0, positionOf(command.budgetId().value(), 0));
    }

    /** Records {@code proposal} as a draft by the requester, waiting for approval; refused, like the proposal itself would be, when it breaks a rule now. */
    public Recorded<DraftId> draft(Proposal proposal, Requester requester) {
        DraftId id = send(new DraftChange(DraftId.generate(), proposal, requester.actor()), requester);
        return new Recorded<>(id, 0, positionOf(id.value(), 0));
    }

    /**
     * Approves a draft as {@code approver}: its proposal takes effect as the requester's change, in
     * the same transaction. The position is that of the last event recorded, the proposal's own.
     *
     * @return the change's id and what the proposal's handler returned
     */
    public Recorded<ApprovalResult> approve(DraftId draft, Requester approver) {
        ApprovalResult result = send(new ApproveDraft(draft, approver.actor()), approver);
        return new Recorded<>(result, 1, lastPositionOr(draft.value(), 1));
    }

    public Recorded<DraftId> reject(DraftId draft, String reason, Requester approver) {
        send(new RejectDraft(draft, approver.actor(), reason), approver);
        return new Recorded<>(draft, 1, positionOf(draft.value(), 1));
    }

    public Recorded<SupplementaryBudgetSubmitted> submit(SubmitSupplementaryBudget command, Requester requester) {
        SupplementaryBudgetSubmitted result = send(command, requester);
        return new Recorded<>(result, 0, positionOf(command.bill().budgetId().value(), 0));
    }

    public Recorded<SupplementaryBudgetEnacted> decide(DecideSupplementaryBudgetBySenketsu command, Requester requester) {
        SupplementaryBudgetEnacted result = send(command, requester);
        return new Recorded<>(result, 0, positionOf(command.bill().budgetId().value(), 0));
    }

    /** A command on one supplementary budget whose handler returns the budget's new version. */
    public Recorded<Long> budgetChange(Object command, SupplementaryBudgetId budget, Requester requester) {
        long version = send(command, requester);
        return new Recorded<>(version, version, positionOf(budget.value(), version));
    }

    public Recorded<ImportResult> importDocument(ImportBudgetDocument command, Requester requester) {
        ImportResult result = send(command, requester);
        return new Recorded<>(result, 0, positionOf(result.documentId().value(), 0));
    }

    @SuppressWarnings("unchecked")
    private <R> R send(Object command, Requester requester) {
        IdempotentRequest.Outcome replayed = IdempotentRequest.takeReplay();
        if (replayed != null) {
            AppendedPositions.trackAs(replayed.positions());
            metrics.command(command, "replayed");
            return (R) replayed.result();
        }
        MetaData metaData = MetaData.with(MetadataKeys.ACTOR, requester.actor())
                .and(MetadataKeys.CORRELATION_ID, requester.correlationId())
                .and(MetadataKeys.REQUEST_ID, requester.requestId());
        if (requester.actorName() != null) {
            metaData = metaData.and(MetadataKeys.ACTOR_NAME, requester.actorName());
        }
        if (!requester.departments().isEmpty()) {
            metaData = metaData.and(MetadataKeys.DEPARTMENTS, requester.departments());
        }
        try {
            for (int attempt = 1; ; attempt++) {
                AppendedPositions.track();
                try {
                    R result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
                    metrics.command(command, "accepted");
                    return result;
                } catch (ConflictingAggregateVersionException e) {
                    metrics.command(command, "stale-version");
                    throw e;
                } catch (ConcurrencyException e) {
                    if (attempt >= ATTEMPTS) {
                        metrics.command(command, "conflict");
                        throw e;
                    }
                } catch (RuntimeException e) {
                    metrics.command(command, "rejected");
                    throw e;
                }
            }
        } catch (RuntimeException e) {
            AppendedPositions.stop();
            throw e;
        }
    }

    private long lastPositionOr(String aggregateId, long sequence) {
        Long last = AppendedPositions.last();
        if (last == null) {
            return positionOf(aggregateId, sequence);
        }
        AppendedPositions.stop();
        return last;
    }

    private long positionOf(String aggregateId, long sequence) {
        try {
            Long appended = AppendedPositions.of(aggregateId, sequence);
            if (appended != null) {
                return appended;
            }
        } finally {
            AppendedPositions.stop();
        }
        return store.positionOf(aggregateId, sequence);
    }
}
