package jp.budgetledger.app.audit;

import jp.budgetledger.core.api.MetadataKeys;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Copies who and which request from a command onto every message it causes (actor,
 * correlation id, request id) and names the command as their cause (causation id). Events cause
 * no messages in the ledger (their handlers only keep read models), so nothing is copied from an
 * event: Axon asks for it for every event each processor handles, and reading it would
 * deserialise every event's metadata in every processor for nothing.
 */
public class LedgerCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (message instanceof EventMessage<?>) {
            return Map.of();
        }
        Map<String, Object> data = new HashMap<>();
        for (String key : new String[]{MetadataKeys.ACTOR, MetadataKeys.CORRELATION_ID, MetadataKeys.REQUEST_ID}) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.put(MetadataKeys.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
