package jp.budgetledger.app.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.budgetledger.app.eventstore.StoredEvents;
import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.ChangeDrafted;
import jp.budgetledger.core.api.DraftEvent;
import jp.budgetledger.core.api.DraftRejected;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.LedgerEvent;
import jp.budgetledger.core.api.MetadataKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the history of one aggregate straight from the event store, every event from the first: a
 * line's, or a draft's (its proposal in {@code changes}, the requester or approver as actor).
 */
@Service
public class EventHistory {

    private final EventStore eventStore;
    private final StoredEvents store;
    private final ObjectMapper json;

    public EventHistory(EventStore eventStore, StoredEvents store, ObjectMapper json) {
        this.eventStore = eventStore;
        this.store = store;
        this.json = json;
    }

    public List<HistoryEntry> of(String aggregateId) {
        Map<String, Long> positions = store.positionsOf(aggregateId);
        List<HistoryEntry> entries = new ArrayList<>();
        eventStore.readEvents(aggregateId, 0).asStream().forEach(event -> entries.add(entry(event, positions.get(event.getIdentifier()))));
        return entries;
    }

    private HistoryEntry entry(DomainEventMessage<?> event, Long position) {
        Object payload = event.getPayload();
        MetaData meta = event.getMetaData();
        Long before = null;
        Long after = null;
        Map<String, Object> changes;
        if (payload instanceof InitiativeAdded added) {
            after = added.amount().yen();
            changes = fields(payload, "initiativeId", "change");
            if (added.classification() != null) {
                changes.put("subjectPath", added.classification().printedPath());
            }
        } else if (payload instanceof InitiativeReassigned reassigned) {
            changes = fields(payload, "initiativeId", "change");
            if (reassigned.classificationAfter() != null) {
                changes.put("subjectPathBefore", reassigned.classificationBefore().printedPath());
                changes.put("subjectPathAfter", reassigned.classificationAfter().printedPath());
            }
        } else if (payload instanceof AmountAmended amended) {
            before = amended.amountBefore().yen();
            after = amended.amountAfter().yen();
            changes = new LinkedHashMap<>(Map.of("amountYen", after, "deltaYen", amended.delta().yen()));
            if (amended.cause() != null) {
                changes.put("cause", Map.of("kind", amended.cause().kind(), "id", amended.cause().id()));
            }
        } else {
            changes = fields(payload, "initiativeId", "change");
        }
        ChangeContext change = payload instanceof LedgerEvent ledgerEvent ? ledgerEvent.change()
                : payload instanceof ChangeDrafted drafted ? drafted.proposal().change() : null;
        LocalDate effective = change == null ? null : change.effectiveDate();
        String reason = payload instanceof DraftRejected rejected ? rejected.reason() : change == null ? null : change.reason();
        String reference = change == null ? null : change.reference();
        return new HistoryEntry(event.getPayloadType().getSimpleName(), event.getSequenceNumber(), position, event.getTimestamp(),
                effective, text(meta, MetadataKeys.ACTOR), reason, reference, before, after, changes,
                text(meta, MetadataKeys.CORRELATION_ID), text(meta, MetadataKeys.REQUEST_ID), text(meta, MetadataKeys.CAUSATION_ID),
                text(meta, MetadataKeys.HASH), text(meta, MetadataKeys.APPROVED_BY),
                payload instanceof DraftEvent draft ? draft.draftId().value() : text(meta, MetadataKeys.DRAFT_ID),
                text(meta, MetadataKeys.ACTOR_NAME));
    }

    private Map<String, Object> fields(Object payload, String... without) {
        Map<String, Object> map = json.convertValue(payload, new TypeReference<LinkedHashMap<String, Object>>() {
        });
        for (String key : without) {
            map.remove(key);
        }
        return map;
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
