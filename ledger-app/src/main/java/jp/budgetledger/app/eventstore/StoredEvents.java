package jp.budgetledger.app.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The rows of the event table: positions, the store's head, and whole rows read and written byte for byte. */
@Component
public class StoredEvents {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    public StoredEvents(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** One stored event, its payload and metadata as the exact bytes stored. */
    public record Row(long position, String aggregateIdentifier, long sequenceNumber, String type, String eventIdentifier,
                      String timeStamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
    }

    /** The position of the newest event in the store, 0 when it is empty. */
    public long head() {
        return jdbc.sql("SELECT coalesce(max(globalIndex), 0) FROM domainevententry").query(Long.class).single();
    }

    /**
     * The settled head ({@code ledger_settled_head()}): the store's newest position once every insert in flight has
     * committed or rolled back, so that a position at or below it that is absent now stays absent. Briefly blocks
     * new appends; call it outside any transaction of the caller's.
     */
    public long settledHead() {
        return jdbc.sql("SELECT ledger_settled_head()").query(Long.class).single();
    }

    /** The last position the store's sequence handed out, 0 when none yet: an event above it was not appended by the ledger. */
    public long lastAssignedPosition() {
        return jdbc.sql("SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('domainevententry', 'globalindex')::regclass), 0)")
                .query(Long.class).single();
    }

    public boolean isEmpty() {
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM domainevententry)").query(Boolean.class).single();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    /**
     * The position of the aggregate's event with that sequence number.
     *
     * @throws org.springframework.dao.EmptyResultDataAccessException when the store holds no such event
     */
    public long positionOf(String aggregateIdentifier, long sequenceNumber) {
        return jdbc.sql("SELECT globalIndex FROM domainevententry WHERE aggregateIdentifier = ? AND sequenceNumber = ?")
                .params(aggregateIdentifier, sequenceNumber)
                .query(Long.class)
                .single();
    }

    /** The position of each event of the aggregate, by event identifier. */
    public Map<String, Long> positionsOf(String aggregateIdentifier) {
        return jdbc.sql("SELECT eventIdentifier, globalIndex FROM domainevententry WHERE aggregateIdentifier = ?")
                .param(aggregateIdentifier)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** At most {@code limit} rows after position {@code after} up to {@code upTo} (inclusive), in position order. */
    public List<Row> page(long after, long upTo, int limit) {
        return jdbc.sql("""
                        SELECT globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timeStamp, payloadType,
                               payloadRevision, payload, metaData
                        FROM domainevententry WHERE globalIndex > ? AND globalIndex <= ? ORDER BY globalIndex LIMIT ?""")
                .params(after, upTo, limit)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10)))
                .list();
    }

    /** Writes the rows at their own positions, byte for byte, in the caller's transaction. */
    public void insert(List<Row> rows) {
        jdbcTemplate.batchUpdate("""
                        INSERT INTO domainevententry (globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timeStamp,
                                                      payloadType, payloadRevision, payload, metaData)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(),
                (PreparedStatement ps, Row row) -> {
                    ps.setLong(1, row.position());
                    ps.setString(2, row.aggregateIdentifier());
                    ps.setLong(3, row.sequenceNumber());
                    ps.setString(4, row.type());
                    ps.setString(5, row.eventIdentifier());
                    ps.setString(6, row.timeStamp());
                    ps.setString(7, row.payloadType());
                    ps.setString(8, row.payloadRevision());
                    ps.setBytes(9, row.payload());
                    ps.setBytes(10, row.metaData());
                });
    }

    /** Makes the next appended event take the position after {@code position} (after rows were inserted at their own positions). */
    public void continueAfter(long position) {
        jdbc.sql("SELECT setval(pg_get_serial_sequence('domainevententry', 'globalindex'), ?)")
                .param(Math.max(1, position)).query().singleRow();
    }
}
