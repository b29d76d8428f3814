package jp.budgetledger.app.eventstore;

import jp.budgetledger.projections.StorePosition;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Axon's JDBC storage engine, except that every event read by tracking (the event processors'
 * streams, replays included) carries its own {@code globalIndex} in its metadata under
 * {@link StorePosition#METADATA_KEY}. The entry is spliced into the metadata bytes as the row is
 * read, so it costs no parse of its own and is never stored: the table's bytes, and the hashes
 * computed from them, stay as they are. An aggregate's own events, read to load it, are left
 * unchanged. Each position is also given to {@link ReadPositions}, where the processors find it
 * without parsing the metadata.
 */
public class PositionedJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private static final byte[] KEY = ("\"" + StorePosition.METADATA_KEY + "\":").getBytes(StandardCharsets.UTF_8);

    private final ReadPositions positions;

    public PositionedJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder, ReadPositions positions) {
        super(builder);
        this.positions = positions;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken) throws SQLException {
        TrackedEventData<?> read = super.getTrackedEventData(resultSet, previousToken);
        long position = resultSet.getLong(schema().globalIndexColumn());
        positions.remember(read.getEventIdentifier(), position);
        return positioned(read, (DomainEventData<?>) read, position);
    }

    private static <T> TrackedEventData<T> positioned(TrackedEventData<?> read, DomainEventData<T> event, long position) {
        return new TrackedDomainEventData<>(read.trackingToken(), new Positioned<>(event, position));
    }

    /**
     * The metadata JSON object {@code stored} with {@code "storePosition": position} added as its
     * last entry (a stored entry of that name is overridden by it when read).
     */
    static byte[] withPosition(byte[] stored, long position) {
        byte[] value = Long.toString(position).getBytes(StandardCharsets.US_ASCII);
        int close = stored == null ? -1 : lastNonBlank(stored, stored.length - 1);
        if (close < 0 || stored[close] != '}') {
            if (close >= 0) {
                throw new IllegalArgumentException("the stored metadata is not a JSON object");
            }
            return concat(new byte[]{'{'}, 1, new byte[0], value);
        }
        boolean empty = stored[lastNonBlank(stored, close - 1)] == '{';
        return concat(stored, close, empty ? new byte[0] : new byte[]{','}, value);
    }

    private static int lastNonBlank(byte[] bytes, int from) {
        int i = from;
        while (i >= 0 && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i--;
        }
        return i;
    }

    private static byte[] concat(byte[] head, int headLength, byte[] separator, byte[] value) {
        byte[] result = new byte[headLength + separator.length + KEY.length + value.length + 1];
        System.arraycopy(head, 0, result, 0, headLength);
        int at = headLength;
        System.arraycopy(separator, 0, result, at, separator.length);
        at += separator.length;
        System.arraycopy(KEY, 0, result, at, KEY.length);
        at += KEY.length;
        System.arraycopy(value, 0, result, at, value.length);
        result[result.length - 1] = '}';
        return result;
    }

    /** A row as read, its metadata with its position. */
    private static final class Positioned<T> implements DomainEventData<T> {
        private final DomainEventData<T> event;
        private final long position;

        Positioned(DomainEventData<T> event, long position) {
            this.event = event;
            this.position = position;
        }

        @Override
        @SuppressWarnings("unchecked")
        public SerializedObject<T> getMetaData() {
            SerializedObject<T> stored = event.getMetaData();
            if (stored.getContentType() != byte[].class) {
                return stored;
            }
            return new SimpleSerializedObject<>((T) withPosition((byte[]) stored.getData(), position), stored.getContentType(),
                    stored.getType());
        }

        @Override
        public SerializedObject<T> getPayload() {
            return event.getPayload();
        }

        @Override
        public String getType() {
            return event.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return event.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return event.getSequenceNumber();
        }

        @Override
        public String getEventIdentifier() {
            return event.getEventIdentifier();
        }

        @Override
        public Instant getTimestamp() {
            return event.getTimestamp();
        }
    }
}
