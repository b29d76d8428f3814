package jp.budgetledger.projections.years;

import jp.budgetledger.core.api.FiscalYearClosed;
import jp.budgetledger.core.api.FiscalYearLifeEvent;
import jp.budgetledger.core.api.FiscalYearReopened;
import jp.budgetledger.core.api.FiscalYearSealed;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.projections.ProjectionNames;
import jp.budgetledger.projections.StorePosition;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;

/** Keeps {@code fiscal_year_transition}: every close, seal and reopening of a fiscal year, in the order recorded. */
@Component
@ProcessingGroup(ProjectionNames.DOCUMENTS)
public class FiscalYearProjection {

    private final JdbcClient jdbc;

    public FiscalYearProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FiscalYearClosed event, DomainEventMessage<?> message) {
        insert(event, message, FiscalYearTransition.CLOSED, event.forced(), null);
    }

    @EventHandler
    void on(FiscalYearReopened event, DomainEventMessage<?> message) {
        insert(event, message, FiscalYearTransition.REOPENED, null, null);
    }

    @EventHandler
    void on(FiscalYearSealed event, DomainEventMessage<?> message) {
        insert(event, message, FiscalYearTransition.SEALED, null, event);
    }

    private void insert(FiscalYearLifeEvent event, DomainEventMessage<?> message, String kind, Boolean forced, FiscalYearSealed seal) {
        FiscalYearSealed.TreeHead head = seal == null ? null : seal.head();
        jdbc.sql("""
                        INSERT INTO fiscal_year_transition (position, fiscal_year, kind, sequence, recorded_at, effective_date, actor,
                            approved_by, draft_id, reason, reference, forced, close_sequence, close_position, tree_size, root_hash,
                            signed_at, key_id, signature)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (position) DO NOTHING""")
                .params(StorePosition.of(message), event.fiscalYear().value(), kind, message.getSequenceNumber(),
                        message.getTimestamp().atOffset(ZoneOffset.UTC), event.change().effectiveDate(),
                        message.getMetaData().get(MetadataKeys.ACTOR), message.getMetaData().get(MetadataKeys.APPROVED_BY),
                        message.getMetaData().get(MetadataKeys.DRAFT_ID), event.change().reason(), event.change().reference(), forced,
                        seal == null ? null : seal.closeSequence(), seal == null ? null : seal.closePosition(),
                        head == null ? null : head.treeSize(), head == null ? null : head.rootHash(), head == null ? null : head.timestamp(),
                        head == null ? null : head.keyId(), head == null ? null : head.signature())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE fiscal_year_transition").update();
    }
}
