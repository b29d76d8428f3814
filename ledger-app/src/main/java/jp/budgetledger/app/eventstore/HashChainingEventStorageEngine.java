package jp.budgetledger.app.eventstore;

import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.projections.StorePosition;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
 * from the same append when its previous event is in it, else from the heads of recently
 * committed appends when the one remembered is exactly the previous sequence number (the store
 * holds one event per aggregate and sequence, and heads are remembered only after their
 * transaction committed), otherwise from the store, read in the appending transaction. The
 * position an event read from the store carries ({@link StorePosition}) is never appended.
 */
public class HashChainingEventStorageEngine implements EventStorageEngine {

    static final int REMEMBERED_HEADS = 20_000;

    private final EventStorageEngine delegate;
    private final Serializer eventSerializer;
    private final JdbcClient jdbc;
    private final Map<String, Head> committedHeads = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
            .maximumSize(REMEMBERED_HEADS).<String, Head>build().asMap();

    private record Head(long sequence, String hash) {
    }

    /** An event whose payload and metadata were already serialised to be hashed: the store writes those same bytes. */
    private static final class Serialized<T> extends GenericDomainEventMessage<T> {
        private final Serializer serializer;
        private final SerializedObject<byte[]> payload;
        private final SerializedObject<byte[]> metadata;

        Serialized(DomainEventMessage<T> event, Serializer serializer, SerializedObject<byte[]> payload, byte[] metadata) {
            super(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(), event, event.getTimestamp());
            this.serializer = serializer;
            this.payload = payload;
            this.metadata = new SimpleSerializedObject<>(metadata, byte[].class, MetaData.class.getName(), null);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> SerializedObject<R> serializeMetaData(Serializer serializer, Class<R> expectedRepresentation) {
            return serializer == this.serializer && expectedRepresentation == byte[].class
                    ? (SerializedObject<R>) metadata : super.serializeMetaData(serializer, expectedRepresentation);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> SerializedObject<R> serializePayload(Serializer serializer, Class<R> expectedRepresentation) {
            return serializer == this.serializer && expectedRepresentation == byte[].class
                    ? (SerializedObject<R>) payload : super.serializePayload(serializer, expectedRepresentation);
        }
    }

    public HashChainingEventStorageEngine(EventStorageEngine delegate, Serializer eventSerializer, JdbcClient jdbc) {
        this.delegate = delegate;
        this.eventSerializer = eventSerializer;
        this.jdbc = jdbc;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Map<String, Head> heads = new HashMap<>();
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domain) || domain.getAggregateIdentifier() == null) {
                chained.add(event);
                continue;
            }
            String aggregate = domain.getAggregateIdentifier();
            long sequence = domain.getSequenceNumber();
            String previous = previousHash(heads.get(aggregate), aggregate, sequence);
            SerializedObject<byte[]> payload = domain.serializePayload(eventSerializer, byte[].class);
            Map<String, Object> metadata = new HashMap<>(domain.getMetaData());
            metadata.remove(StorePosition.METADATA_KEY);
            metadata.put(MetadataKeys.PREVIOUS_HASH, previous);
            String canonical = EventHashes.canonicalMetadata(metadata);
            String hash = EventHashes.hash(new EventHashes.StoredEvent(aggregate, sequence, domain.getIdentifier(),
                    DateTimeUtils.formatInstant(domain.getTimestamp()), payload.getType().getName(),
                    payload.getType().getRevision(), payload.getData(), metadata), canonical);
            heads.put(aggregate, new Head(sequence, hash));
            metadata.put(MetadataKeys.HASH, hash);
            chained.add(new Serialized<>(domain.withMetaData(metadata), eventSerializer, payload,
                    EventHashes.storedMetadata(canonical, hash)));
        }
        delegate.appendEvents(chained);
        rememberAfterCommit(heads);
    }

    private String previousHash(Head inThisAppend, String aggregate, long sequence) {
        if (inThisAppend != null) {
            return inThisAppend.hash();
        }
        if (sequence == 0) {
            return EventHashes.GENESIS;
        }
        Head committed = committedHeads.get(aggregate);
        return committed != null && committed.sequence() == sequence - 1 ? committed.hash() : storedHash(aggregate, sequence - 1);
    }

    private void rememberAfterCommit(Map<String, Head> heads) {
        if (heads.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committedHeads.putAll(heads);
                }
            });
        } else if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            committedHeads.putAll(heads);
        }
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
