package jp.budgetledger.projections.audit;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.BudgetDocumentImported;
import jp.budgetledger.core.api.FundsTransferred;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.InitiativeRevised;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.LedgerEvent;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.projections.ProjectionNames;
import jp.budgetledger.projections.StatementBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;

/**
 * Keeps {@code audit_event}: one row per ledger event, keyed by its global position, read from the
 * store by the event's identifier: a tracking token's position is not the event's own when the
 * event fills a gap left by a transaction that committed late. The rows of a processing batch go to
 * the database together ({@link StatementBatch}).
 */
@Component
@ProcessingGroup(ProjectionNames.AUDIT_LOG)
public class AuditLogProjection {

    /** The row of the event with the given identifier, at its own position; amendments take the line's latest subject. */
    private static final String INSERT = """
            INSERT INTO audit_event (position, event_id, aggregate_id, sequence_number, event_type, fiscal_year,
                department, category_code, subject, actor, recorded_at, effective_date, reason, reference,
                amount_before_yen, amount_after_yen, correlation_id, request_id, causation_id, hash)
            SELECT e.globalIndex, e.eventIdentifier, e.aggregateIdentifier, ?, ?, ?, ?, ?,
                CASE WHEN ? THEN ? ELSE (
                    SELECT a.subject FROM audit_event a WHERE a.aggregate_id = e.aggregateIdentifier AND a.subject IS NOT NULL
                    ORDER BY a.sequence_number DESC LIMIT 1) END,
                ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            FROM domainevententry e WHERE e.eventIdentifier = ?
            ON CONFLICT (position) DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final StatementBatch writes;

    public AuditLogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new StatementBatch(jdbc, AuditLogProjection.class);
    }

    @EventHandler
    void on(LedgerEvent event, DomainEventMessage<?> message) {
        Row row;
        if (event instanceof InitiativeAdded added) {
            row = new Row(added.department().name(), added.category().code(), added.name(), null, added.amount().yen());
        } else if (event instanceof AmountAmended amended) {
            row = new Row(amended.department().name(), amended.category().code(),
                    null, amended.amountBefore().yen(), amended.amountAfter().yen());
        } else if (event instanceof InitiativeWithdrawn withdrawn) {
            row = new Row(withdrawn.department().name(), withdrawn.category().code(), null,
                    withdrawn.amountBefore().yen(), 0L);
        } else if (event instanceof InitiativeRevised revised) {
            row = new Row(revised.department().name(), null, revised.nameAfter(), null, null);
        } else if (event instanceof InitiativeReassigned reassigned) {
            row = new Row(reassigned.departmentAfter().name(), reassigned.categoryAfter().code(),
                    null, reassigned.amount().yen(), reassigned.amount().yen());
        } else if (event instanceof FundsTransferred transferred) {
            row = new Row(null, null, transferred.fromId() + " → " + transferred.toId(), null, transferred.amount().yen());
        } else if (event instanceof SupplementaryBudgetEnacted enacted) {
            row = new Row(null, null, enacted.name(), null, enacted.total().yen());
        } else if (event instanceof BudgetDocumentImported imported) {
            String attachment = imported.document().attachment() == null ? "" : imported.document().attachment() + " ";
            String title = imported.document().title() == null ? "" : imported.document().title();
            row = new Row(null, null, (attachment + title).strip(), null, null);
        } else {
            row = new Row(null, null, null, null, null);
        }
        MetaData meta = message.getMetaData();
        boolean ownSubject = !(event instanceof AmountAmended || event instanceof InitiativeWithdrawn
                || event instanceof InitiativeReassigned);
        writes.add(INSERT, message.getSequenceNumber(), message.getPayloadType().getSimpleName(), event.fiscalYear().value(),
                row.department(), row.category(), ownSubject, row.subject(), text(meta, MetadataKeys.ACTOR),
                message.getTimestamp().atOffset(ZoneOffset.UTC), event.change().effectiveDate(), event.change().reason(),
                event.change().reference(), row.before(), row.after(), text(meta, MetadataKeys.CORRELATION_ID),
                text(meta, MetadataKeys.REQUEST_ID), text(meta, MetadataKeys.CAUSATION_ID), text(meta, MetadataKeys.HASH),
                message.getIdentifier());
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE audit_event");
    }

    /** A row's own fields; amendments, withdrawals and reassignments take the line's latest subject (its name). */
    private record Row(String department, String category, String subject, Long before, Long after) {
    }
}
