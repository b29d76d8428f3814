package jp.budgetledger.app.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jp.budgetledger.app.command.ApprovalSettings;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.command.Requester;
import jp.budgetledger.core.api.DraftId;
import jp.budgetledger.core.api.Proposal;
import jp.budgetledger.projections.approvals.DraftView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.function.Supplier;

/**
 * The one call every controller of a change that may need four-eyes approval makes: a proposal
 * of a kind that needs approval ({@link ApprovalSettings}) is recorded as a draft and answered
 * {@code 202} with the draft's id, state {@code pending} and its Location; any other is carried
 * out at once by {@code direct} and answered {@code 201} with what it returns. Either way the
 * proposal is checked against every rule first, and a refused one records nothing.
 */
@Component
class Approvals {

    static final String PATH = "/api/approvals";

    private final ApprovalSettings settings;
    private final LedgerCommands commands;

    Approvals(ApprovalSettings settings, LedgerCommands commands) {
        this.settings = settings;
        this.commands = commands;
    }

    /** A change recorded as a draft that waits for approval. */
    record Drafted(@Schema(description = "The draft's id, for /api/approvals/{id}") String draftId,
                   @Schema(description = "pending") String state, String kind, long position) {
    }

    ResponseEntity<Object> submit(Proposal proposal, Requester requester, Supplier<?> direct) {
        if (!settings.requires(proposal)) {
            return ResponseEntity.status(HttpStatus.CREATED).body(direct.get());
        }
        var recorded = commands.draft(proposal, requester);
        DraftId id = recorded.result();
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + id.value()))
                .body(new Drafted(id.value(), DraftView.PENDING, jp.budgetledger.core.api.ProposalKinds.of(proposal), recorded.position()));
    }
}
