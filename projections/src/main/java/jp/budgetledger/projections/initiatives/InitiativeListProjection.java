package jp.budgetledger.projections.initiatives;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.AmountCarriedOver;
import jp.budgetledger.core.api.CarriedFrom;
import jp.budgetledger.core.api.CarryoverLimitSet;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.InitiativeRevised;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.projections.ProjectionNames;
import jp.budgetledger.projections.StatementBatch;
import jp.budgetledger.projections.StorePosition;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps {@code initiative_view}. Handlers are idempotent: a line is inserted once and an
 * amendment applies only when its sequence number is newer than the stored version. The writes of
 * a processing batch go to the database together ({@link StatementBatch}).
 */
@Component
@ProcessingGroup(ProjectionNames.INITIATIVE_LIST)
public class InitiativeListProjection {

    private static final String ADD = """
            INSERT INTO initiative_view (initiative_id, fiscal_year, category_code, category_name, department,
                                         name, summary, amount_yen, version, added_position, added_at, updated_at,
                                         carried_from_id, carried_from_year, carried_kind, carryover_id, %s)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?%s)
            ON CONFLICT (initiative_id) DO NOTHING""".formatted(ClassificationColumns.NAMES, ", ?".repeat(ClassificationColumns.COUNT));
    /** Amendments as rows ({@link StatementBatch#addRow}): per line the newest one, whose amount is the line's after all of them. */
    private static final String AMEND = """
            UPDATE initiative_view v SET amount_yen = a.amount_yen, version = a.version, updated_at = a.updated_at
            FROM (SELECT DISTINCT ON (initiative_id) initiative_id, amount_yen, version, updated_at
                  FROM unnest(?::varchar[], ?::bigint[], ?::bigint[], ?::timestamptz[])
                       AS r(initiative_id, amount_yen, version, updated_at)
                  ORDER BY initiative_id, version DESC) a
            WHERE v.initiative_id = a.initiative_id AND v.version < a.version""";
    private static final String WITHDRAW = """
            UPDATE initiative_view SET amount_yen = 0, status = 'WITHDRAWN', version = ?, updated_at = ?
            WHERE initiative_id = ? AND version < ?""";
    private static final String REVISE = """
            UPDATE initiative_view SET name = ?, summary = ?, version = ?, updated_at = ?
            WHERE initiative_id = ? AND version < ?""";
    private static final String REASSIGN = """
            UPDATE initiative_view SET department = ?, category_code = ?, category_name = ?, version = ?, updated_at = ?
            WHERE initiative_id = ? AND version < ?""";
    private static final String REASSIGN_CLASSIFIED = """
            UPDATE initiative_view SET department = ?, category_code = ?, category_name = ?, version = ?, updated_at = ?, %s
            WHERE initiative_id = ? AND version < ?""".formatted(ClassificationColumns.ASSIGNMENTS);

    private static final String LIMIT = """
            UPDATE initiative_view SET carryover_limit_yen = ?, carryover_limit_budget_id = ?, version = ?, updated_at = ?
            WHERE initiative_id = ? AND version < ?""";
    private static final String CARRIED = """
            UPDATE initiative_view SET carried_over_yen = carried_over_yen + ?, version = ?, updated_at = ?
            WHERE initiative_id = ? AND version < ?""";

    private final JdbcTemplate jdbc;
    private final StatementBatch writes;

    public InitiativeListProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new StatementBatch(jdbc, InitiativeListProjection.class);
    }

    @EventHandler
    void on(InitiativeAdded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt, EventMessage<?> message) {
        OffsetDateTime at = utc(recordedAt);
        Object[] row = {event.initiativeId().value(), event.fiscalYear().value(), Category.codeOf(event.category()),
                Category.nameOf(event.category()), event.department().name(), event.name(), event.summary(), event.amount().yen(), sequence,
                StorePosition.of(message), at, at, null, null, null, null};
        CarriedFrom from = event.carriedFrom();
        if (from != null) {
            row[12] = from.initiativeId().value();
            row[13] = from.fiscalYear().value();
            row[14] = from.kind().code();
            row[15] = from.carryoverId().value();
        }
        writes.add(ADD, concat(row, ClassificationColumns.values(event.classification())));
    }

    @EventHandler
    void on(AmountAmended event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        writes.addRow(AMEND, event.initiativeId().value(), event.amountAfter().yen(), sequence, utc(recordedAt));
    }

    @EventHandler
    void on(CarryoverLimitSet event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        writes.add(LIMIT, event.limit().yen(), event.supplementaryBudgetId(), sequence, utc(recordedAt), event.initiativeId().value(), sequence);
    }

    @EventHandler
    void on(AmountCarriedOver event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        writes.add(CARRIED, event.amount().yen(), sequence, utc(recordedAt), event.initiativeId().value(), sequence);
    }

    @EventHandler
    void on(InitiativeWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        writes.add(WITHDRAW, sequence, utc(recordedAt), event.initiativeId().value(), sequence);
    }

    @EventHandler
    void on(InitiativeRevised event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        writes.add(REVISE, event.nameAfter(), event.summaryAfter(), sequence, utc(recordedAt), event.initiativeId().value(), sequence);
    }

    @EventHandler
    void on(InitiativeReassigned event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        Object[] assigned = {event.departmentAfter().name(), Category.codeOf(event.categoryAfter()), Category.nameOf(event.categoryAfter()),
                sequence, utc(recordedAt)};
        Object[] where = {event.initiativeId().value(), sequence};
        if (event.classificationAfter() == null) {
            writes.add(REASSIGN, concat(assigned, where));
        } else {
            writes.add(REASSIGN_CLASSIFIED, concat(concat(assigned, ClassificationColumns.values(event.classificationAfter())), where));
        }
    }



    private static Object[] concat(Object[] first, Object[] second) {
        Object[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE initiative_view");
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
