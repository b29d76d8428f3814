package jp.budgetledger.projections.approvals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.budgetledger.core.api.ChangeDrafted;
import jp.budgetledger.core.api.DraftApproved;
import jp.budgetledger.core.api.DraftRejected;
import jp.budgetledger.core.api.FiscalYearLifeId;
import jp.budgetledger.core.api.FiscalYearReopened;
import jp.budgetledger.core.api.FundsTransferred;
import jp.budgetledger.core.api.ReserveFundUsed;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.SupplementaryBudgetSubmitted;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.projections.ProjectionNames;
import jp.budgetledger.projections.StorePosition;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Keeps {@code draft_view}. The proposal is kept as the JSON {@code json} writes; the change an
 * approved draft resulted in is named by its own event, which carries the draft's id in its
 * metadata (a transfer: its {@code FundsTransferred}). A kind of proposal whose change should be
 * named adds a handler of its event here.
 */
@Component
@ProcessingGroup(ProjectionNames.DOCUMENTS)
public class DraftProjection {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public DraftProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ChangeDrafted event, @Timestamp Instant recordedAt, EventMessage<?> message) {
        String proposal;
        try {
            proposal = json.writerFor(jp.budgetledger.core.api.Proposal.class).writeValueAsString(event.proposal());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("""
                        INSERT INTO draft_view (draft_id, kind, state, requester, requested_at, proposal, position)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (draft_id) DO NOTHING""")
                .params(event.draftId().value(), event.kind(), DraftView.PENDING, event.requester(), recordedAt.atOffset(ZoneOffset.UTC),
                        proposal, StorePosition.of(message))
                .update();
    }

    @EventHandler
    void on(DraftApproved event, @Timestamp Instant recordedAt) {
        decide(event.draftId().value(), DraftView.APPROVED, event.approver(), recordedAt, null);
    }

    @EventHandler
    void on(DraftRejected event, @Timestamp Instant recordedAt) {
        decide(event.draftId().value(), DraftView.REJECTED, event.approver(), recordedAt, event.reason());
    }

    @EventHandler
    void on(FundsTransferred event, @MetaDataValue(MetadataKeys.DRAFT_ID) String draftId) {
        became(draftId, event.transferId().value());
    }

    @EventHandler
    void on(ReserveFundUsed event, @MetaDataValue(MetadataKeys.DRAFT_ID) String draftId) {
        became(draftId, event.useId().value());
    }

    @EventHandler
    void on(SupplementaryBudgetSubmitted event, @MetaDataValue(MetadataKeys.DRAFT_ID) String draftId) {
        became(draftId, event.budgetId().value());
    }

    @EventHandler
    void on(SupplementaryBudgetEnacted event, @MetaDataValue(MetadataKeys.DRAFT_ID) String draftId) {
        became(draftId, event.budgetId().value());
    }

    @EventHandler
    void on(FiscalYearReopened event, @MetaDataValue(MetadataKeys.DRAFT_ID) String draftId) {
        became(draftId, FiscalYearLifeId.of(event.fiscalYear()));
    }

    /** Names, on the draft it was approved from, the change a draft became. */
    private void became(String draftId, String changeId) {
        if (draftId != null) {
            jdbc.sql("""
                            UPDATE draft_view SET change_ids = array_append(change_ids, ?)
                            WHERE draft_id = ? AND NOT (? = ANY (change_ids))""")
                    .params(changeId, draftId, changeId)
                    .update();
        }
    }

    private void decide(String draftId, String state, String approver, Instant at, String reason) {
        jdbc.sql("UPDATE draft_view SET state = ?, approver = ?, decided_at = ?, reason = ? WHERE draft_id = ?")
                .params(state, approver, at.atOffset(ZoneOffset.UTC), reason, draftId)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE draft_view").update();
    }
}
