package jp.budgetledger.app.eventstore;

import jp.budgetledger.projections.StorePosition;
import jp.budgetledger.projections.StorePositions;
import org.axonframework.eventhandling.EventMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The positions of the last {@link #CAPACITY} events the store's reader has handed to the processors, by
 * event identifier, as {@link PositionedJdbcEventStorageEngine} reads them: the processors handle an event
 * soon after it is read (their queues hold a few thousand), so the position is found here without parsing
 * the event's metadata. An event no longer held (a processor far behind the others, or one read before the
 * service started) has its position read from its metadata.
 * <p>
 * The window is kept in the order the events were read and drops the oldest. A frequency-based cache
 * (Caffeine's W-TinyLFU) does not fit: every identifier is put once and read once, so once full it
 * declines almost every new one, and nearly every lookup of a long replay would parse the metadata.
 */
public final class ReadPositions implements StorePositions {

    static final int CAPACITY = 65_536;

    private final Map<String, Long> positions = new LinkedHashMap<>(CAPACITY * 4 / 3 + 1) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CAPACITY;
        }
    };

    void remember(String eventIdentifier, long position) {
        synchronized (positions) {
            positions.put(eventIdentifier, position);
        }
    }

    long size() {
        synchronized (positions) {
            return positions.size();
        }
    }

    @Override
    public long of(EventMessage<?> message) {
        Long position;
        synchronized (positions) {
            position = positions.get(message.getIdentifier());
        }
        return position != null ? position : StorePosition.of(message);
    }
}
