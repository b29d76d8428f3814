package jp.budgetledger.app.audit;

import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.LedgerEvent;
import jp.budgetledger.core.api.MetadataKeys;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts recordedAt and the change context (effective date, reason, reference) of every ledger
 * event into its metadata as it is published, whatever command produced it.
 */
public class ChangeContextMetadataInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            Map<String, Object> data = new HashMap<>();
            data.put(MetadataKeys.RECORDED_AT, DateTimeUtils.formatInstant(event.getTimestamp()));
            if (event.getPayload() instanceof LedgerEvent ledgerEvent) {
                ChangeContext change = ledgerEvent.change();
                if (change.effectiveDate() != null) {
                    data.put(MetadataKeys.EFFECTIVE_DATE, change.effectiveDate().toString());
                }
                data.put(MetadataKeys.REASON, change.reason());
                if (change.reference() != null) {
                    data.put(MetadataKeys.REFERENCE, change.reference());
                }
            }
            return event.andMetaData(data);
        };
    }
}
