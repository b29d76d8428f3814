package jp.budgetledger.app.audit;

import jp.budgetledger.core.api.MetadataKeys;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Wraps the JDBC storage engine: before events are appended, each gets {@code previousHash} and
 * {@code hash} ({@link EventHashes}) in its metadata. The previous hash of an aggregate comes
 * from the same append when its previous event is in it, otherwise from the store, read in the
 * appending transaction.
 */
public class HashChainingEventStorageEngine implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final Serializer eventSerializer;
    private final JdbcClient jdbc;

    public HashChainingEventStorageEngine(EventStorageEngine delegate, Serializer eventSerializer, JdbcClient jdbc) {
        this.delegate = delegate;
        this.eventSerializer = eventSerializer;
        this.jdbc = jdbc;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Map<String, String> heads = new HashMap<>();
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domain) || domain.getAggregateIdentifier() == null) {
                chained.add(event);
                continue;
            }
            String aggregate = domain.getAggregateIdentifier();
            long sequence = domain.getSequenceNumber();
            String previous = heads.containsKey(aggregate) ? heads.get(aggregate)
                    : sequence == 0 ? EventHashes.GENESIS : storedHash(aggregate, sequence - 1);
            DomainEventMessage<?> withPrevious = domain.andMetaData(Map.of(MetadataKeys.PREVIOUS_HASH, previous));
            SerializedObject<byte[]> payload = withPrevious.serializePayload(eventSerializer, byte[].class);
            Map<String, Object> metadata = new HashMap<>(withPrevious.getMetaData());
            String hash = EventHashes.hash(new EventHashes.StoredEvent(aggregate, sequence, withPrevious.getIdentifier(),
                    DateTimeUtils.formatInstant(withPrevious.getTimestamp()), payload.getType().getName(),
                    payload.getType().getRevision(), payload.getData(), metadata));
            heads.put(aggregate, hash);
            chained.add(withPrevious.andMetaData(Map.of(MetadataKeys.HASH, hash)));
        }
        delegate.appendEvents(chained);
    }

    private String storedHash(String aggregate, long sequence) {
        return jdbc.sql("""
                        SELECT convert_from(metaData, 'UTF8')::jsonb ->> 'hash' FROM domainevententry
                        WHERE aggregateIdentifier = ? AND sequenceNumber = ?""")
                .params(aggregate, sequence)
                .query(String.class)
                .optional()
                .orElse(EventHashes.GENESIS);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
