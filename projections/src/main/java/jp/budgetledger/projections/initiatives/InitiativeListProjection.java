package jp.budgetledger.projections.initiatives;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps {@code initiative_view}. Handlers are idempotent: a line is inserted once and an
 * amendment applies only when its sequence number is newer than the stored version.
 */
@Component
@ProcessingGroup(ProjectionNames.INITIATIVE_LIST)
public class InitiativeListProjection {

    private final JdbcClient jdbc;

    public InitiativeListProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InitiativeAdded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt, EventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO initiative_view (initiative_id, fiscal_year, category_code, category_name, department,
                                                     name, summary, amount_yen, version, added_position, added_at, updated_at)
                        SELECT :id, :fy, :code, :categoryName, :department, :name, :summary, :amount, :version,
                               globalIndex, :at, :at
                        FROM domainevententry WHERE eventIdentifier = :eventId
                        ON CONFLICT (initiative_id) DO NOTHING""")
                .param("id", event.initiativeId().value())
                .param("fy", event.fiscalYear().value())
                .param("code", event.category().code())
                .param("categoryName", event.category().name())
                .param("department", event.department().name())
                .param("name", event.name())
                .param("summary", event.summary())
                .param("amount", event.amount().yen())
                .param("version", sequence)
                .param("eventId", message.getIdentifier())
                .param("at", utc(recordedAt))
                .update();
    }

    @EventHandler
    void on(AmountAmended event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        UPDATE initiative_view SET amount_yen = :amount, version = :version, updated_at = :at
                        WHERE initiative_id = :id AND version < :version""")
                .param("amount", event.amountAfter().yen())
                .param("version", sequence)
                .param("at", utc(recordedAt))
                .param("id", event.initiativeId().value())
                .update();
    }

    @EventHandler
    void on(InitiativeWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update("amount_yen = 0, status = 'WITHDRAWN'", event.initiativeId().value(), sequence, recordedAt);
    }

    @EventHandler
    void on(InitiativeRevised event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        UPDATE initiative_view SET name = ?, summary = ?, version = ?, updated_at = ?
                        WHERE initiative_id = ? AND version < ?""")
                .params(event.nameAfter(), event.summaryAfter(), sequence, utc(recordedAt), event.initiativeId().value(), sequence)
                .update();
    }

    @EventHandler
    void on(InitiativeReassigned event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        UPDATE initiative_view SET department = ?, category_code = ?, category_name = ?, version = ?, updated_at = ?
                        WHERE initiative_id = ? AND version < ?""")
                .params(event.departmentAfter().name(), event.categoryAfter().code(), event.categoryAfter().name(), sequence,
                        utc(recordedAt), event.initiativeId().value(), sequence)
                .update();
    }

    private void update(String assignments, String id, long sequence, Instant recordedAt) {
        jdbc.sql("UPDATE initiative_view SET " + assignments + ", version = ?, updated_at = ? WHERE initiative_id = ? AND version < ?")
                .params(sequence, utc(recordedAt), id, sequence)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE initiative_view").update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
