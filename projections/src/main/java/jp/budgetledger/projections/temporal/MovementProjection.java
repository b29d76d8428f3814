package jp.budgetledger.projections.temporal;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.ChangeCause;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.projections.ProcessingBatch;
import jp.budgetledger.projections.ProjectionNames;
import jp.budgetledger.projections.RowArrays;
import jp.budgetledger.projections.StorePosition;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps {@code line_movement}: every change of a line's amount (its addition, of kind {@code carryover} for a line carried from
 * the year before, and each {@link AmountAmended}) with its kind, effective day and recorded instant; and the supplementary
 * budgets with the lines they added ({@code supplementary_budget_column}, {@code supplementary_new_line}).
 * A supplementary budget's new lines are added (and stored as additions) before the budget's event in
 * the same unit of work, and may be handled in another segment; so which additions belong to a budget
 * is kept apart and joined when read ({@link CurrentBudgetQueries}). Runs in the temporal processor,
 * so that it is always as far as {@code line_state}. An event delivered again changes nothing.
 */
@Component
@ProcessingGroup(ProjectionNames.TEMPORAL)
public class MovementProjection {

    static final String ADDITION = "addition";
    static final String AMENDMENT = "amendment";

    private static final String MOVEMENT = """
            INSERT INTO line_movement (initiative_id, sequence, kind, cause_id, amount_yen, effective_on, recorded_at)
            SELECT * FROM unnest(?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[], ?::bigint[], ?::date[], ?::timestamptz[])
            ON CONFLICT DO NOTHING""";
    private static final String NEW_LINE = """
            INSERT INTO supplementary_new_line (initiative_id, budget_id)
            SELECT * FROM unnest(?::varchar[], ?::varchar[]) ON CONFLICT DO NOTHING""";
    private static final String BUDGET = """
            INSERT INTO supplementary_budget_column (budget_id, fiscal_year, name, effective_on, recorded_at, position, title)
            SELECT * FROM unnest(?::varchar[], ?::integer[], ?::text[], ?::date[], ?::timestamptz[], ?::bigint[], ?::text[])
            ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final ProcessingBatch<Write> batch;

    public MovementProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.batch = new ProcessingBatch<>(MovementProjection.class, this::write);
    }

    /** One row for one of the statements. */
    private record Write(String sql, Object[] row) {
    }

    @EventHandler
    void on(InitiativeAdded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        boolean carried = event.carriedFrom() != null;
        batch.add(new Write(MOVEMENT, new Object[]{event.initiativeId().value(), sequence, carried ? ChangeCause.CARRYOVER : ADDITION,
                carried ? event.carriedFrom().carryoverId().value() : null, event.amount().yen(),
                event.change().effectiveDate(), recordedAt.atOffset(ZoneOffset.UTC)}));
    }

    @EventHandler
    void on(AmountAmended event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        var cause = event.cause();
        batch.add(new Write(MOVEMENT, new Object[]{event.initiativeId().value(), sequence, cause == null ? AMENDMENT : cause.kind(),
                cause == null ? null : cause.id(), event.delta().yen(), event.change().effectiveDate(), recordedAt.atOffset(ZoneOffset.UTC)}));
    }

    @EventHandler
    void on(SupplementaryBudgetEnacted event, @Timestamp Instant recordedAt, EventMessage<?> message) {
        String budget = event.budgetId().value();
        batch.add(new Write(BUDGET, new Object[]{budget, event.fiscalYear().value(), event.name(), event.change().effectiveDate(),
                recordedAt.atOffset(ZoneOffset.UTC),
                StorePosition.of(message), event.title()}));
        event.items().stream().filter(SupplementaryBudgetEnacted.Item::newLine)
                .forEach(item -> batch.add(new Write(NEW_LINE, new Object[]{item.initiativeId().value(), budget})));
    }

    private void write(List<Write> writes) {
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        writes.forEach(w -> rows.computeIfAbsent(w.sql(), k -> new ArrayList<>()).add(w.row()));
        rows.forEach((sql, list) -> RowArrays.update(jdbc, sql, list));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE line_movement, supplementary_new_line, supplementary_budget_column");
    }
}
