package jp.budgetledger.projections.temporal;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.InitiativeRevised;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.projections.StorePosition;
import jp.budgetledger.projections.ProcessingBatch;
import jp.budgetledger.projections.ProjectionNames;
import jp.budgetledger.projections.RowArrays;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Keeps {@code line_state}. A line is added as one row valid from its effective date to the end
 * of its fiscal year, from the instant it was recorded on. A change effective from E and recorded
 * at R ends at R the current rows that reach past E and replaces them from R on: the part before
 * E unchanged, the part from E changed (amount plus the difference, another department, category,
 * 会計/科目 classification or name), or, for a withdrawal, nothing: the line is no longer in force from E. An event
 * delivered again changes nothing: a line is added once, and a change only ends rows of older
 * versions.
 * <p>
 * A processing batch is worked out in memory ({@link ProcessingBatch}): one query reads the
 * current rows the batch's changes may end, the events are applied in order (a row added and
 * ended within the batch is written ended), and the rows ended and added are written with one
 * statement each ({@link RowArrays}).
 */
@Component
@ProcessingGroup(ProjectionNames.TEMPORAL)
public class TemporalProjection {

    private static final String INSERT = """
            INSERT INTO line_state (initiative_id, fiscal_year, department, category_code, category_name, name,
                                    amount_yen, version, line_order, effective, recorded, %1$s)
            SELECT r.initiative_id, r.fiscal_year, r.department, r.category_code, r.category_name, r.name, r.amount_yen,
                   r.version, r.line_order, daterange(r.effective_from, r.effective_to), tstzrange(r.recorded_from, r.recorded_to),
                   %1$s
            FROM unnest(?::varchar[], ?::integer[], ?::text[], ?::varchar[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],
                        ?::bigint[], ?::date[], ?::date[], ?::timestamptz[], ?::timestamptz[], %2$s)
                 AS r(initiative_id, fiscal_year, department, category_code, category_name, name, amount_yen, version,
                      line_order, effective_from, effective_to, recorded_from, recorded_to, %1$s)"""
            .formatted(ClassificationColumns.NAMES, ClassificationColumns.ARRAYS);
    private static final String END = """
            UPDATE line_state s SET recorded = tstzrange(lower(s.recorded), greatest(lower(s.recorded), e.ended_at))
            FROM unnest(?::bigint[], ?::timestamptz[]) AS e(id, ended_at)
            WHERE s.id = e.id""";
    private static final String ADD_LINES = """
            INSERT INTO line_state_line (initiative_id) SELECT unnest(?::varchar[]) ON CONFLICT DO NOTHING""";
    /**
     * The current rows of the given lines whose effective range reaches past the given day, looked
     * up line by line in the index of current rows ({@code OFFSET 0} keeps the lookup per line).
     */
    private static final String CURRENT = """
            SELECT s.id, s.initiative_id, s.version, s.line_order, lower(s.effective), upper(s.effective),
                   s.department, s.category_code, s.category_name, s.name, s.amount_yen, %s
            FROM unnest(?::varchar[], ?::date[]) AS c(initiative_id, from_day)
            CROSS JOIN LATERAL (SELECT * FROM line_state s
                                WHERE s.initiative_id = c.initiative_id AND upper_inf(s.recorded)
                                  AND upper(s.effective) > c.from_day OFFSET 0) s""".formatted(ClassificationColumns.prefixed("s."));
    /**
     * How the batch's statements are planned, for its transaction only: for their actual arguments
     * (a generic plan made while the table was nearly empty, as in a rebuild, would go on scanning
     * it whole as it grows), and with plain index scans: ending a row leaves its entry in the index
     * of current rows pointing to a dead row version until a vacuum, and a plain index scan marks
     * such entries as it passes, so that the line's next lookup skips them (a bitmap scan does not).
     */
    private static final String PLANNING = """
            SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL enable_bitmapscan = off""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ProcessingBatch<Step> batch;

    public TemporalProjection(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.batch = new ProcessingBatch<>(TemporalProjection.class, this::write);
    }

    /** The state a row holds for its ranges; {@code categoryCode}, {@code categoryName} and {@code classification} may be null. */
    record State(String department, String categoryCode, String categoryName, String name, long amount,
                 Classification classification) {

        State withAmount(long other) {
            return new State(department, categoryCode, categoryName, name, other, classification);
        }

        State withName(String other) {
            return new State(department, categoryCode, categoryName, other, amount, classification);
        }
    }

    /** What one event does to the model. */
    private sealed interface Step {
        String line();
    }

    private record Addition(String line, int fiscalYear, long position, State state, long version, LocalDate from, LocalDate to,
                            OffsetDateTime at) implements Step {
    }

    /** {@code change} null ends the line at {@code from}. */
    private record Change(String line, int fiscalYear, LocalDate from, long version, OffsetDateTime at,
                          UnaryOperator<State> change) implements Step {
    }

    /** A row of a line: stored ({@code id} set) or added by this batch; {@code endedAt} set once a change of the batch ends it. */
    private static final class Row {
        final Long id;
        final String line;
        final int fiscalYear;
        final long version;
        final long lineOrder;
        final LocalDate from;
        final LocalDate to;
        final State state;
        final OffsetDateTime recordedFrom;
        OffsetDateTime endedAt;

        Row(Long id, String line, int fiscalYear, long version, long lineOrder, LocalDate from, LocalDate to, State state,
            OffsetDateTime recordedFrom) {
            this.id = id;
            this.line = line;
            this.fiscalYear = fiscalYear;
            this.version = version;
            this.lineOrder = lineOrder;
            this.from = from;
            this.to = to;
            this.state = state;
            this.recordedFrom = recordedFrom;
        }
    }

    @EventHandler
    void on(InitiativeAdded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt, EventMessage<?> message) {
        batch.add(new Addition(event.initiativeId().value(), event.fiscalYear().value(), StorePosition.of(message),
                new State(event.department().name(), Category.codeOf(event.category()), Category.nameOf(event.category()), event.name(),
                        event.amount().yen(), event.classification()),
                sequence, event.change().effectiveDate(), event.fiscalYear().lastDay().plusDays(1), utc(recordedAt)));
    }

    @EventHandler
    void on(AmountAmended event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        long delta = event.delta().yen();
        change(event.initiativeId().value(), event.fiscalYear().value(), event.change().effectiveDate(), sequence, recordedAt,
                s -> s.withAmount(Math.addExact(s.amount(), delta)));
    }

    @EventHandler
    void on(InitiativeWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event.initiativeId().value(), event.fiscalYear().value(), event.change().effectiveDate(), sequence, recordedAt, null);
    }

    @EventHandler
    void on(InitiativeRevised event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event.initiativeId().value(), event.fiscalYear().value(), event.change().effectiveDate(), sequence, recordedAt,
                s -> s.withName(event.nameAfter()));
    }

    @EventHandler
    void on(InitiativeReassigned event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event.initiativeId().value(), event.fiscalYear().value(), event.change().effectiveDate(), sequence, recordedAt,
                s -> new State(event.departmentAfter().name(), Category.codeOf(event.categoryAfter()), Category.nameOf(event.categoryAfter()), s.name(),
                        s.amount(), event.classificationAfter() != null ? event.classificationAfter() : s.classification()));
    }

    private void change(String line, int fiscalYear, LocalDate from, long sequence, Instant recordedAt, UnaryOperator<State> change) {
        batch.add(new Change(line, fiscalYear, from, sequence, utc(recordedAt), change));
    }

    private void write(List<Step> steps) {
        jdbcTemplate.execute(PLANNING);
        Map<String, List<Row>> rows = currentRows(steps);
        List<Addition> additions = steps.stream().filter(Addition.class::isInstance).map(Addition.class::cast).toList();
        Set<String> added = addedLines(additions);
        List<Object[]> ends = new ArrayList<>();
        List<Object[]> newLines = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Addition a) {
                if (added.add(a.line())) {
                    newLines.add(new Object[]{a.line()});
                    rows.computeIfAbsent(a.line(), k -> new ArrayList<>()).add(new Row(null, a.line(), a.fiscalYear(), a.version(),
                            a.position(), a.from(), a.to(), a.state(), a.at()));
                }
            } else if (step instanceof Change c) {
                apply(c, rows.computeIfAbsent(c.line(), k -> new ArrayList<>()), ends);
            }
        }
        List<Object[]> inserts = new ArrayList<>();
        rows.values().forEach(line -> line.stream().filter(row -> row.id == null).forEach(row -> inserts.add(concat(new Object[]{
                row.line, row.fiscalYear, row.state.department(), row.state.categoryCode(), row.state.categoryName(),
                row.state.name(), row.state.amount(), row.version, row.lineOrder, row.from, row.to,
                row.recordedFrom, row.endedAt}, ClassificationColumns.values(row.state.classification())))));
        RowArrays.update(jdbcTemplate, END, ends);
        RowArrays.update(jdbcTemplate, ADD_LINES, newLines);
        RowArrays.update(jdbcTemplate, INSERT, inserts);
    }

    /** Ends the line's current rows that reach past the change's day and are older than it, and adds their successors. */
    private static void apply(Change c, List<Row> line, List<Object[]> ends) {
        List<Row> ended = line.stream()
                .filter(row -> row.endedAt == null && row.to.isAfter(c.from()) && row.version < c.version())
                .sorted(Comparator.comparing(row -> row.from))
                .toList();
        for (Row row : ended) {
            if (row.id != null) {
                row.endedAt = c.at();
                ends.add(new Object[]{row.id, c.at()});
            } else {
                row.endedAt = row.recordedFrom.isAfter(c.at()) ? row.recordedFrom : c.at();
            }
            if (row.from.isBefore(c.from())) {
                line.add(new Row(null, c.line(), c.fiscalYear(), c.version(), row.lineOrder, row.from, c.from(), row.state, c.at()));
            }
            if (c.change() != null) {
                line.add(new Row(null, c.line(), c.fiscalYear(), c.version(), row.lineOrder,
                        row.from.isBefore(c.from()) ? c.from() : row.from, row.to, c.change().apply(row.state), c.at()));
            }
        }
    }

    /** Per line changed by the batch, its stored current rows reaching past the earliest day the batch changes it from. */
    private Map<String, List<Row>> currentRows(List<Step> steps) {
        Map<String, LocalDate> earliest = new LinkedHashMap<>();
        for (Step step : steps) {
            if (step instanceof Change c) {
                earliest.merge(c.line(), c.from(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<String, List<Row>> rows = new HashMap<>();
        if (earliest.isEmpty()) {
            return rows;
        }
        jdbc.sql(CURRENT)
                .params(earliest.keySet().toArray(String[]::new), earliest.values().stream().map(LocalDate::toString).toArray(String[]::new))
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), 0, rs.getLong(3), rs.getLong(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        new State(rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getLong(11),
                                ClassificationColumns.read(rs, 12)), null))
                .list()
                .forEach(row -> rows.computeIfAbsent(row.line, k -> new ArrayList<>()).add(row));
        return rows;
    }

    /** The lines of the batch's additions that the model has added already (the events delivered again). */
    private Set<String> addedLines(List<Addition> additions) {
        String[] lines = additions.stream().map(Addition::line).distinct().toArray(String[]::new);
        if (lines.length == 0) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.sql("SELECT initiative_id FROM line_state_line WHERE initiative_id = ANY(?)")
                .param(lines).query(String.class).list());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE line_state, line_state_line").update();
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }



    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
