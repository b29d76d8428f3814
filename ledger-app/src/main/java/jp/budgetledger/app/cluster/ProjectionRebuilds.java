package jp.budgetledger.app.cluster;

import jp.budgetledger.app.logging.LogSafe;
import jp.budgetledger.app.eventstore.ProcessorTokens;
import jp.budgetledger.app.eventstore.StoredEvents;
import jp.budgetledger.app.projection.ProjectionProgress;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.projections.ProjectionNames;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilding a projection on every node at once. A request ({@link #request}) records a new
 * generation in {@code projection_rebuild} in state {@code stopping}. Every node, once a second,
 * stops its processor for a generation it has not handled and acknowledges it. When every live
 * node has acknowledged and no segment is claimed any more, one node (the first to move the row
 * to {@code replaying}) resets the tokens; every node then starts its processor again, and the
 * replay runs, spread over the nodes, until it reaches the head as it was when it started
 * ({@code done}). While a rebuild runs, reads say so ({@link #rebuilding}).
 */
@Component
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final NodeRegistry nodes;
    private final ProjectionProgress progress;
    private final StoredEvents store;
    private final ProcessorTokens tokens;
    private final Map<String, Long> stoppedFor = new ConcurrentHashMap<>();
    private final Map<String, Long> startedFor = new ConcurrentHashMap<>();
    private volatile long lastLog;
    private volatile Snapshot rebuilding;

    public ProjectionRebuilds(JdbcClient jdbc, EventProcessingConfiguration processing, NodeRegistry nodes, ProjectionProgress progress,
                              StoredEvents store, ProcessorTokens tokens) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.nodes = nodes;
        this.progress = progress;
        this.store = store;
        this.tokens = tokens;
    }

    /** A rebuild's state, with progress: events done of the total, rate and estimated time left. */
    public record Status(String name, long generation, String state, String requestedBy, Instant requestedAt, Long totalEvents,
                         Long eventsDone, Long eventsPerSecond, Long secondsLeft, Instant startedAt, Instant finishedAt) {
    }

    private record Row(String name, long generation, String state, String requestedBy, Instant requestedAt, Long total, Instant started,
                       Instant finished) {
    }

    public Status request(String name, String user) {
        if (!ProjectionNames.ALL.contains(name)) {
            throw new InvalidValueException("name", "no projection " + name + " (one of " + String.join(", ", ProjectionNames.ALL) + ")");
        }
        int updated = jdbc.sql("""
                        INSERT INTO projection_rebuild (name, generation, state, requested_by, requested_at) VALUES (?, 1, 'stopping', ?, now())
                        ON CONFLICT (name) DO UPDATE SET generation = projection_rebuild.generation + 1, state = 'stopping',
                            requested_by = EXCLUDED.requested_by, requested_at = now(), total_events = NULL, started_at = NULL,
                            finished_at = NULL
                        WHERE projection_rebuild.state = 'done'""")
                .params(name, user).update();
        if (updated == 0) {
            throw new RebuildRunningException(name);
        }
        rebuilding = null;
        log.info("Rebuild of {} requested by {}", LogSafe.text(name), LogSafe.text(user));
        return status(name).orElseThrow();
    }

    public java.util.Optional<Status> status(String name) {
        return rows().stream().filter(r -> r.name().equals(name)).findFirst().map(this::status);
    }

    public List<Status> statuses() {
        return rows().stream().map(this::status).toList();
    }

    /** The projections being rebuilt now, as seen at most a second ago. */
    public List<String> rebuilding() {
        Snapshot snapshot = rebuilding;
        if (snapshot == null || System.nanoTime() - snapshot.takenAt() > 1_000_000_000L) {
            snapshot = new Snapshot(System.nanoTime(), rows().stream().filter(r -> !r.state().equals("done")).map(Row::name).toList());
            rebuilding = snapshot;
        }
        return snapshot.names();
    }

    private record Snapshot(long takenAt, List<String> names) {
    }

    @Scheduled(fixedDelay = 1_000)
    void coordinate() {
        for (Row row : rows()) {
            StreamingEventProcessor processor = processing.eventProcessor(row.name(), StreamingEventProcessor.class).orElse(null);
            if (processor == null) {
                continue;
            }
            switch (row.state()) {
                case "stopping" -> stop(row, processor);
                case "replaying" -> replay(row, processor);
                default -> startAgain(row, processor);
            }
        }
    }

    private void stop(Row row, StreamingEventProcessor processor) {
        if (stoppedFor.getOrDefault(row.name(), 0L) < row.generation()) {
            processor.shutDown();
            stoppedFor.put(row.name(), row.generation());
            jdbc.sql("""
                            INSERT INTO projection_rebuild_ack (name, node_id, generation) VALUES (?, ?, ?)
                            ON CONFLICT (name, node_id) DO UPDATE SET generation = EXCLUDED.generation""")
                    .params(row.name(), nodes.nodeId(), row.generation()).update();
            log.info("Rebuild of {}: stopped on {}", row.name(), nodes.nodeId());
        }
        int live = nodes.liveNodes();
        int acknowledged = jdbc.sql("""
                        SELECT count(*)::integer FROM projection_rebuild_ack a JOIN ledger_node n USING (node_id)
                        WHERE a.name = ? AND a.generation = ? AND n.seen_at > now() - make_interval(secs => ?)""")
                .params(row.name(), row.generation(), nodes.nodeTimeout().toMillis() / 1000.0).query(Integer.class).single();
        int claimed = tokens.claimedSegments(row.name());
        if (acknowledged < live || claimed > 0) {
            return;
        }
        long head = store.head();
        int won = jdbc.sql("""
                        UPDATE projection_rebuild SET state = 'replaying', total_events = ?, started_at = now()
                        WHERE name = ? AND generation = ? AND state = 'stopping'""")
                .params(head, row.name(), row.generation()).update();
        if (won == 1) {
            processor.resetTokens();
            log.info("Rebuild of {}: tokens reset by {}; replaying {} events", row.name(), nodes.nodeId(), head);
        }
    }

    private void replay(Row row, StreamingEventProcessor processor) {
        startAgain(row, processor);
        OptionalLong position = progress.position(row.name());
        if (row.total() != null && position.orElse(0) >= row.total()) {
            if (jdbc.sql("UPDATE projection_rebuild SET state = 'done', finished_at = now() WHERE name = ? AND generation = ? AND state = 'replaying'")
                    .params(row.name(), row.generation()).update() == 1) {
                rebuilding = null;
                log.info("Rebuild of {} done: {} events", row.name(), row.total());
            }
        } else if (System.nanoTime() - lastLog > Duration.ofSeconds(10).toNanos()) {
            lastLog = System.nanoTime();
            Status status = status(row);
            log.info("Rebuild of {}: {} / {} events ({} events/s, about {} s left)", row.name(), status.eventsDone(), status.totalEvents(),
                    status.eventsPerSecond(), status.secondsLeft());
        }
    }

    private void startAgain(Row row, StreamingEventProcessor processor) {
        if (stoppedFor.getOrDefault(row.name(), 0L) >= row.generation() && startedFor.getOrDefault(row.name(), 0L) < row.generation()
                && !row.state().equals("stopping")) {
            processor.start();
            startedFor.put(row.name(), row.generation());
        }
    }

    private Status status(Row row) {
        Long done = null;
        Long rate = null;
        Long left = null;
        if (row.total() != null) {
            done = row.state().equals("done") ? row.total() : Math.max(0, progress.position(row.name()).orElse(0));
            Instant end = row.finished() == null ? Instant.now() : row.finished();
            double seconds = Math.max(0.001, Duration.between(row.started(), end).toMillis() / 1000.0);
            rate = Math.round(done / seconds);
            left = rate == 0 ? null : Math.max(0, (row.total() - done) / rate);
        }
        return new Status(row.name(), row.generation(), row.state(), row.requestedBy(), row.requestedAt(), row.total(), done, rate, left,
                row.started(), row.finished());
    }

    private List<Row> rows() {
        return jdbc.sql("SELECT name, generation, state, requested_by, requested_at, total_events, started_at, finished_at FROM projection_rebuild")
                .query((rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), instant(rs.getObject(5, OffsetDateTime.class)),
                        (Long) rs.getObject(6), instant(rs.getObject(7, OffsetDateTime.class)), instant(rs.getObject(8, OffsetDateTime.class))))
                .list();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** A rebuild of that projection is already running. */
    public static class RebuildRunningException extends RuntimeException {
        public RebuildRunningException(String name) {
            super("a rebuild of " + name + " is already running");
        }
    }
}
