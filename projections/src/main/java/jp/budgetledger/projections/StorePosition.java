package jp.budgetledger.projections;

import org.axonframework.eventhandling.EventMessage;

/**
 * An event's own position in the event store ({@code globalIndex}), as the store's reader gives
 * it with every event it reads: under {@link #METADATA_KEY} in the event's metadata, added when
 * the row is read and never stored, so the stored bytes and their hashes are untouched. A
 * tracking token is not enough: when a batch fills a gap, the token reports the highest index of
 * the batch for every event in it.
 */
public final class StorePosition {

    /** The metadata key under which each event read from the store carries its own position. */
    public static final String METADATA_KEY = "storePosition";

    private StorePosition() {
    }

    /**
     * The position at which {@code message} is stored.
     *
     * @throws IllegalStateException when the message was not read from the event store
     */
    public static long of(EventMessage<?> message) {
        if (message.getMetaData().get(METADATA_KEY) instanceof Number position) {
            return position.longValue();
        }
        throw new IllegalStateException("event " + message.getIdentifier() + " was not read from the event store: it has no store position");
    }
}
