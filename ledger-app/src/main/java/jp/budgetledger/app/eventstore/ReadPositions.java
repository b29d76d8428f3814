package jp.budgetledger.app.eventstore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jp.budgetledger.projections.StorePosition;
import jp.budgetledger.projections.StorePositions;
import org.axonframework.eventhandling.EventMessage;

/**
 * The positions of the events the store's reader has handed to the processors most recently, by
 * event identifier, as {@link PositionedJdbcEventStorageEngine} reads them: the processors handle
 * an event soon after it is read (their queues hold a few thousand), so the position is found
 * here without parsing the event's metadata. An event no longer held (a processor far behind the
 * others, or one read before the service started) has its position read from its metadata.
 */
public final class ReadPositions implements StorePositions {

    static final int CAPACITY = 65_536;

    private final Cache<String, Long> positions = Caffeine.newBuilder().maximumSize(CAPACITY).build();

    void remember(String eventIdentifier, long position) {
        positions.put(eventIdentifier, position);
    }

    long size() {
        positions.cleanUp();
        return positions.estimatedSize();
    }

    @Override
    public long of(EventMessage<?> message) {
        Long position = positions.getIfPresent(message.getIdentifier());
        return position != null ? position : StorePosition.of(message);
    }
}
