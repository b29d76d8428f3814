package jp.budgetledger.app.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The store positions ({@code globalIndex}) of the events a command appended, taken from the
 * append itself ({@code INSERT ... RETURNING}) instead of being read back after the commit.
 * Positions are recorded for the calling thread between {@link #track()} and {@link #stop()}: commands run
 * on the thread that sends them, so the command sender tracks each attempt.
 */
public final class AppendedPositions {

    private static final ThreadLocal<Map<String, Long>> TRACKED = new ThreadLocal<>();

    private AppendedPositions() {
    }

    /** Starts recording this thread's appends, forgetting any earlier ones. */
    public static void track() {
        TRACKED.set(new HashMap<>());
    }

    /** Stops recording and forgets what was recorded. */
    public static void stop() {
        TRACKED.remove();
    }

    /** The position recorded for the aggregate's event, or null when this thread did not append it. */
    public static Long of(String aggregateId, long sequence) {
        Map<String, Long> tracked = TRACKED.get();
        return tracked == null ? null : tracked.get(key(aggregateId, sequence));
    }

    /** The highest position this thread appended while tracking, or null when it appended none. */
    public static Long last() {
        Map<String, Long> tracked = TRACKED.get();
        return tracked == null ? null : tracked.values().stream().max(Long::compare).orElse(null);
    }

    /** A copy of what this thread recorded while tracking (aggregate id NUL sequence → position), or null when not tracking. */
    public static Map<String, Long> recorded() {
        Map<String, Long> tracked = TRACKED.get();
        return tracked == null ? null : Map.copyOf(tracked);
    }

    /** Starts tracking with {@code positions} already recorded (as {@link #recorded()} gave them for an earlier run). */
    public static void trackAs(Map<String, Long> positions) {
        TRACKED.set(new HashMap<>(positions));
    }

    private static String key(String aggregateId, long sequence) {
        return aggregateId + '\u0000' + sequence;
    }

    /**
     * Axon's own append statement, prepared to return the generated {@code globalIndex} of each
     * row; when this thread is tracking, the positions are recorded as the batch executes.
     */
    public static AppendEventsStatementBuilder statementBuilder() {
        return (connection, schema, dataType, events, serializer, timestampWriter) -> {
            Map<String, Long> tracked = TRACKED.get();
            if (tracked == null) {
                return JdbcEventStorageEngineStatements.appendEvents(connection, schema, dataType, events, serializer, timestampWriter);
            }
            String column = schema.globalIndexColumn().toLowerCase(java.util.Locale.ROOT);
            Connection returningKeys = (Connection) Proxy.newProxyInstance(AppendedPositions.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
                            return connection.prepareStatement((String) args[0], new String[]{column});
                        }
                        return invoke(connection, method, args);
                    });
            PreparedStatement statement = JdbcEventStorageEngineStatements.appendEvents(returningKeys, schema, dataType, events,
                    serializer, timestampWriter);
            return (PreparedStatement) Proxy.newProxyInstance(AppendedPositions.class.getClassLoader(),
                    new Class<?>[]{PreparedStatement.class}, (proxy, method, args) -> {
                        Object result = invoke(statement, method, args);
                        if (method.getName().equals("executeBatch")) {
                            record(tracked, events, statement);
                        }
                        return result;
                    });
        };
    }

    private static void record(Map<String, Long> tracked, List<? extends EventMessage<?>> events, PreparedStatement statement)
            throws java.sql.SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            for (EventMessage<?> event : events) {
                if (!keys.next()) {
                    return;
                }
                if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                    tracked.put(key(domain.getAggregateIdentifier(), domain.getSequenceNumber()), keys.getLong(1));
                }
            }
        }
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
