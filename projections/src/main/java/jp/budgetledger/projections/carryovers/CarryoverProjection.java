package jp.budgetledger.projections.carryovers;

import jp.budgetledger.core.api.AmountCarriedOver;
import jp.budgetledger.core.api.CarryoverFunding;
import jp.budgetledger.core.api.CarryoverLimitSet;
import jp.budgetledger.projections.ProjectionNames;
import jp.budgetledger.projections.StatementBatch;
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

/**
 * Keeps {@code carryover_limit} (every limit a line was given) and {@code carryover} (every carry-over), in the initiative-list
 * processor so that they are always as far as {@code initiative_view}, whose lines they are read with. An event delivered again
 * changes nothing.
 */
@Component
@ProcessingGroup(ProjectionNames.INITIATIVE_LIST)
public class CarryoverProjection {

    private static final String LIMIT = """
            INSERT INTO carryover_limit (initiative_id, version, fiscal_year, limit_yen, supplementary_budget_id, reason, reference,
                                         effective_on, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";
    private static final String CARRYOVER = """
            INSERT INTO carryover (carryover_id, kind, fiscal_year, initiative_id, carried_line_id, amount_yen, received_yen,
                                   national_prefectural_yen, bonds_yen, other_yen, general_yen, limit_yen, reason, reference,
                                   accident_reason, decided_on, effective_on, recorded_at, position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final StatementBatch writes;

    public CarryoverProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new StatementBatch(jdbc, CarryoverProjection.class);
    }

    @EventHandler
    void on(CarryoverLimitSet event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        writes.add(LIMIT, event.initiativeId().value(), sequence, event.fiscalYear().value(), event.limit().yen(),
                event.supplementaryBudgetId(), event.change().reason(), event.change().reference(), event.change().effectiveDate(),
                recordedAt.atOffset(ZoneOffset.UTC));
    }

    @EventHandler
    void on(AmountCarriedOver event, @Timestamp Instant recordedAt, EventMessage<?> message) {
        CarryoverFunding funding = event.funding();
        writes.add(CARRYOVER, event.carryoverId().value(), event.kind().code(), event.fiscalYear().value(), event.initiativeId().value(),
                event.carriedLineId().value(), event.amount().yen(), funding.received().yen(), funding.nationalPrefectural().yen(),
                funding.bonds().yen(), funding.other().yen(), funding.general().yen(), event.limit() == null ? null : event.limit().yen(),
                event.change().reason(), event.change().reference(), event.accidentReason(), event.decidedOn(),
                event.change().effectiveDate(), recordedAt.atOffset(ZoneOffset.UTC), StorePosition.of(message));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE carryover_limit, carryover");
    }
}
