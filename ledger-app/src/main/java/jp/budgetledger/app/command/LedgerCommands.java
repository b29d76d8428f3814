package jp.budgetledger.app.command;

import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.AmendAmount;
import jp.budgetledger.core.api.AmendmentResult;
import jp.budgetledger.core.api.ImportBudgetDocument;
import jp.budgetledger.core.api.ImportResult;
import jp.budgetledger.core.api.MetadataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sends commands with their metadata and waits until their events are committed. Domain rule
 * violations surface as the named exceptions of {@code jp.budgetledger.core.domain}.
 */
@Service
public class LedgerCommands {

    private final CommandGateway gateway;
    private final JdbcClient jdbc;

    public LedgerCommands(CommandGateway gateway, JdbcClient jdbc) {
        this.gateway = gateway;
        this.jdbc = jdbc;
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

    public Recorded<ImportResult> importDocument(ImportBudgetDocument command, Requester requester) {
        ImportResult result = send(command, requester);
        return new Recorded<>(result, 0, positionOf(result.documentId().value(), 0));
    }

    private <R> R send(Object command, Requester requester) {
        MetaData metaData = MetaData.with(MetadataKeys.ACTOR, requester.actor())
                .and(MetadataKeys.CORRELATION_ID, requester.correlationId())
                .and(MetadataKeys.REQUEST_ID, requester.requestId());
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    private long positionOf(String aggregateId, long sequence) {
        return jdbc.sql("SELECT globalIndex FROM domainevententry WHERE aggregateIdentifier = ? AND sequenceNumber = ?")
                .params(aggregateId, sequence)
                .query(Long.class)
                .single();
    }
}
