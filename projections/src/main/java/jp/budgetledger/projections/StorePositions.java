package jp.budgetledger.projections;

import org.axonframework.eventhandling.EventMessage;

/**
 * Finds the position ({@code globalIndex}) at which an event a processor handles is stored. The
 * service's implementation remembers the positions of the events its store's reader has just
 * handed to the processors, so that a read model that needs the position of every event does not
 * deserialise every event's metadata for it; {@link #FROM_METADATA} reads it from the metadata.
 */
@FunctionalInterface
public interface StorePositions {

    /** The position from the event's metadata ({@link StorePosition#of}), which it parses. */
    StorePositions FROM_METADATA = StorePosition::of;

    /**
     * The position at which {@code message} is stored.
     *
     * @throws IllegalStateException when the message was not read from the event store
     */
    long of(EventMessage<?> message);
}
