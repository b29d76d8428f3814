package jp.budgetledger.app.command;

import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.AmendAmount;
import jp.budgetledger.core.api.AmendmentResult;
import jp.budgetledger.core.api.EnactSupplementaryBudget;
import jp.budgetledger.core.api.ImportBudgetDocument;
import jp.budgetledger.core.api.ImportResult;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.core.api.DecideSupplementaryBudgetBySenketsu;
import jp.budgetledger.core.api.SubmitSupplementaryBudget;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import jp.budgetledger.core.api.SupplementaryBudgetSubmitted;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.TransferResult;
import jp.budgetledger.app.eventstore.AppendedPositions;
import jp.budgetledger.app.eventstore.StoredEvents;
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
 * a command given an expected version (If-Match) is not retried.
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
        return new Recorded<>(id, 0, positionOf(id, 0));
    }

    public Recorded<AmendmentResult> amend(AmendAmount command, Requester requester) {
        AmendmentResult result = send(command, requester);
        return new Recorded<>(result, result.version(), positionOf(result.initiativeId().value(), result.version()));
    }

    /** A command on one line whose handler returns the line's new version. */
    public Recorded<Long> change(Object command, InitiativeId line, Requester requester) {
        long version = send(command, requester);
        return new Recorded<>(version, version, positionOf(line.value(), version));
    }

    public Recorded<TransferResult> transfer(TransferFunds command, Requester requester) {
        TransferResult result = send(command, requester);
        return new Recorded<>(result, result.toVersion(), positionOf(command.transferId().value(), 0));
    }

    public Recorded<SupplementaryBudgetEnacted> enact(EnactSupplementaryBudget command, Requester requester) {
        SupplementaryBudgetEnacted result = send(command, requester);
        return new Recorded<>(result, 0, positionOf(command.budgetId().value(), 0));
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

    private <R> R send(Object command, Requester requester) {
        MetaData metaData = MetaData.with(MetadataKeys.ACTOR, requester.actor())
                .and(MetadataKeys.CORRELATION_ID, requester.correlationId())
                .and(MetadataKeys.REQUEST_ID, requester.requestId());
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
