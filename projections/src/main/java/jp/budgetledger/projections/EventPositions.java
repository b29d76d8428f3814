package jp.budgetledger.projections;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kept only for the benchmark's two classes ({@code cli/BenchCommand}, {@code bulk/HistoryLoader})
 * until they move to their own module; everything else takes the head from the app's
 * {@code eventstore} package, and a read model takes an event's position from
 * {@link StorePosition}.
 *
 * @deprecated use {@code jp.budgetledger.app.eventstore.StoredEvents#head()}
 */
@Deprecated(forRemoval = true)
public final class EventPositions {

    private EventPositions() {
    }

    /** The position of the newest event in the store, 0 when it is empty. */
    public static long head(JdbcClient jdbc) {
        return jdbc.sql("SELECT coalesce(max(globalIndex), 0) FROM domainevententry").query(Long.class).single();
    }
}
