package jp.budgetledger.projections;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * An event's own position in the store. A tracking token is not enough: when a batch fills a gap,
 * the token reports the highest index of the batch for every event in it.
 */
public final class EventPositions {

    private EventPositions() {
    }

    /** The position of the newest event in the store, 0 when it is empty. */
    public static long head(JdbcClient jdbc) {
        return jdbc.sql("SELECT coalesce(max(globalIndex), 0) FROM domainevententry").query(Long.class).single();
    }

    /** The {@code globalIndex} of each of the events with the given identifiers that is in {@code domainevententry}. */
    public static Map<String, Long> positionsOf(JdbcClient jdbc, Collection<String> eventIdentifiers) {
        Map<String, Long> positions = new HashMap<>();
        jdbc.sql("SELECT eventIdentifier, globalIndex FROM domainevententry WHERE eventIdentifier = ANY(?)")
                .param(eventIdentifiers.toArray(String[]::new))
                .query(rs -> {
                    positions.put(rs.getString(1), rs.getLong(2));
                });
        return positions;
    }

    /** The {@code globalIndex} of {@code message} in {@code domainevententry}, or 0 when it is not there. */
    public static long positionOf(JdbcClient jdbc, EventMessage<?> message) {
        return jdbc.sql("SELECT globalIndex FROM domainevententry WHERE eventIdentifier = ?")
                .param(message.getIdentifier()).query(Long.class).optional().orElse(0L);
    }
}
