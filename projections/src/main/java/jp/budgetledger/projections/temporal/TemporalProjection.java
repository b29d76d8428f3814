package jp.budgetledger.projections.temporal;

import jp.budgetledger.projections.EventPositions;
import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.InitiativeRevised;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.projections.ProjectionNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Keeps {@code line_state}. A line is added as one row valid from its effective date to the end
 * of its fiscal year, from the instant it was recorded on. A change effective from E and recorded
 * at R ends at R the current rows that reach past E and replaces them from R on: the part before
 * E unchanged, the part from E changed (amount plus the difference, another department, category
 * or name), or, for a withdrawal, nothing: the line is no longer in force from E. An event
 * delivered again changes nothing: a line is added once, and a change only ends rows of older
 * versions.
 */
@Component
@ProcessingGroup(ProjectionNames.TEMPORAL)
public class TemporalProjection {

    private static final String INSERT = """
            INSERT INTO line_state (initiative_id, fiscal_year, department, category_code, category_name, name,
                                    amount_yen, version, line_order, effective, recorded)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, daterange(?, ?), tstzrange(?, NULL))""";

    /** A line's first rows, unless it was added already (the event delivered again). */
    private static final String ADD = """
            WITH added AS (INSERT INTO line_state_line (initiative_id) VALUES (?) ON CONFLICT DO NOTHING RETURNING initiative_id)
            INSERT INTO line_state (initiative_id, fiscal_year, department, category_code, category_name, name,
                                    amount_yen, version, line_order, effective, recorded)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, daterange(?, ?), tstzrange(?, NULL) FROM added""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    public TemporalProjection(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** The state a row holds for its ranges. */
    record State(String department, String categoryCode, String categoryName, String name, long amount) {
    }

    private record CurrentRow(long id, long lineOrder, LocalDate from, LocalDate to, State state) {
    }

    @EventHandler
    void on(InitiativeAdded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt, EventMessage<?> message) {
        long order = EventPositions.positionOf(jdbc, message);
        add(event.initiativeId().value(), event.fiscalYear().value(), order,
                new State(event.department().name(), event.category().code(), event.category().name(), event.name(),
                        event.amount().yen()),
                sequence, event.change().effectiveDate(), event.fiscalYear().lastDay().plusDays(1), utc(recordedAt));
    }

    @EventHandler
    void on(AmountAmended event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        long delta = event.delta().yen();
        changeFrom(event.initiativeId().value(), event.fiscalYear().value(), event.change().effectiveDate(), sequence, recordedAt,
                s -> new State(s.department(), s.categoryCode(), s.categoryName(), s.name(), Math.addExact(s.amount(), delta)));
    }

    @EventHandler
    void on(InitiativeWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        changeFrom(event.initiativeId().value(), event.fiscalYear().value(), event.change().effectiveDate(), sequence, recordedAt, null);
    }

    @EventHandler
    void on(InitiativeRevised event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        changeFrom(event.initiativeId().value(), event.fiscalYear().value(), event.change().effectiveDate(), sequence, recordedAt,
                s -> new State(s.department(), s.categoryCode(), s.categoryName(), event.nameAfter(), s.amount()));
    }

    @EventHandler
    void on(InitiativeReassigned event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        changeFrom(event.initiativeId().value(), event.fiscalYear().value(), event.change().effectiveDate(), sequence, recordedAt,
                s -> new State(event.departmentAfter().name(), event.categoryAfter().code(), event.categoryAfter().name(), s.name(),
                        s.amount()));
    }

    /** Ends the current rows reaching past {@code from} and replaces them; {@code change} null ends the line at {@code from}. */
    private void changeFrom(String id, int fiscalYear, LocalDate from, long sequence, Instant recordedAt, UnaryOperator<State> change) {
        OffsetDateTime at = utc(recordedAt);
        List<CurrentRow> ended = new ArrayList<>(jdbc.sql("""
                        UPDATE line_state SET recorded = tstzrange(lower(recorded), greatest(lower(recorded), ?))
                        WHERE initiative_id = ? AND upper_inf(recorded) AND upper(effective) > ? AND version < ?
                        RETURNING id, line_order, lower(effective), upper(effective), department, category_code, category_name, name, amount_yen""")
                .params(at, id, Date.valueOf(from), sequence)
                .query((rs, i) -> new CurrentRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), new State(rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getLong(9))))
                .list());
        ended.sort(Comparator.comparing(CurrentRow::from));
        List<Object[]> rows = new ArrayList<>();
        for (CurrentRow row : ended) {
            if (row.from().isBefore(from)) {
                rows.add(row(id, fiscalYear, row.lineOrder(), row.state(), sequence, row.from(), from, at));
            }
            if (change != null) {
                rows.add(row(id, fiscalYear, row.lineOrder(), change.apply(row.state()), sequence,
                        row.from().isBefore(from) ? from : row.from(), row.to(), at));
            }
        }
        if (!rows.isEmpty()) {
            jdbcTemplate.batchUpdate(INSERT, rows);
        }
    }

    private void add(String id, int fiscalYear, long lineOrder, State state, long sequence, LocalDate from, LocalDate to,
                     OffsetDateTime at) {
        Object[] row = row(id, fiscalYear, lineOrder, state, sequence, from, to, at);
        Object[] values = new Object[row.length + 1];
        values[0] = id;
        System.arraycopy(row, 0, values, 1, row.length);
        jdbcTemplate.update(ADD, values);
    }

    private static Object[] row(String id, int fiscalYear, long lineOrder, State state, long sequence, LocalDate from, LocalDate to,
                                OffsetDateTime at) {
        return new Object[]{id, fiscalYear, state.department(), state.categoryCode(), state.categoryName(), state.name(), state.amount(),
                sequence, lineOrder, Date.valueOf(from), Date.valueOf(to), at};
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE line_state, line_state_line").update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
