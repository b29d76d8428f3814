package jp.budgetledger.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.budgetledger.app.audit.EventHistory;
import jp.budgetledger.app.audit.HistoryEntry;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.command.Recorded;
import jp.budgetledger.app.security.CurrentUser;
import jp.budgetledger.app.security.Role;
import jp.budgetledger.core.api.ApprovalResult;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.DraftId;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.domain.UnknownDraftException;
import jp.budgetledger.projections.approvals.DraftQueries;
import jp.budgetledger.projections.approvals.DraftView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /api/approvals}: drafts (起案) of changes that wait for four-eyes approval, and their
 * approval or rejection by a user with APPROVER other than the requester ({@code self-approval}
 * otherwise, 422). An approver or auditor sees every draft; anyone else only their own.
 */
@RestController
@RequestMapping(Approvals.PATH)
@Tag(name = "approvals")
class ApprovalController {

    private final DraftQueries drafts;
    private final LedgerCommands commands;
    private final RequestContext context;
    private final CurrentUser user;
    private final ReadConsistency consistency;
    private final ObjectMapper json;
    private final EventHistory history;

    ApprovalController(DraftQueries drafts, LedgerCommands commands, RequestContext context, CurrentUser user,
                       ReadConsistency consistency, ObjectMapper json, EventHistory history) {
        this.history = history;
        this.drafts = drafts;
        this.commands = commands;
        this.context = context;
        this.user = user;
        this.consistency = consistency;
        this.json = json;
    }

    /** A draft: the change proposed (its JSON, {@code kind} naming its type), who asked and when, who decided, and what it became. */
    record Approval(String id, String kind, @Schema(allowableValues = {"pending", "approved", "rejected"}) String state,
                    String requester, Instant requestedAt, String approver, Instant decidedAt,
                    @Schema(description = "The rejection's reason") String reason,
                    @Schema(type = "object", description = "The proposed change as its command: kind and fields") JsonNode proposal,
                    @Schema(description = "The ids of the changes an approved draft resulted in (a transfer's id)") List<String> changeIds,
                    long position) {
    }

    record Decided(String id, String state, String approver, long position,
                   @Schema(description = "The id of the change an approved draft made (a transfer's, a reserve-fund use's, a "
                           + "supplementary budget's); null for a rejected draft") String changeId) {
    }

    record RejectRequest(@NotBlank @Size(max = ChangeContext.MAX_REASON_LENGTH) String reason) {
    }

    @Operation(summary = "Drafts waiting for approval, or decided",
            description = "In the order drafted, optionally of one state (pending, approved, rejected). An approver or auditor sees all; "
                    + "anyone else their own drafts.")
    @GetMapping
    List<Approval> list(@RequestParam(required = false) String state, @RequestParam(required = false) Long minPosition) {
        if (state != null && !DraftView.STATES.contains(state)) {
            throw new InvalidValueException("state", "must be one of " + String.join(", ", DraftView.STATES));
        }
        consistency.awaitPosition(minPosition);
        return drafts.list(state, seesAll() ? null : user.name()).stream().map(this::approval).toList();
    }

    @Operation(summary = "A draft", description = "The draft and its state; 404 for a draft the user may not see.")
    @GetMapping("/{id}")
    Approval show(@PathVariable String id, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return drafts.find(DraftId.of(id).value())
                .filter(d -> seesAll() || d.requester().equals(user.name()))
                .map(this::approval)
                .orElseThrow(() -> new NotFoundException("draft", id));
    }

    @Operation(summary = "A draft's history",
            description = "Its events from the store: drafted (the proposal), approved or rejected; who, when and why. 404 for a draft "
                    + "the user may not see.")
    @GetMapping("/{id}/history")
    List<HistoryEntry> history(@PathVariable String id) {
        show(id, null);
        return history.of(DraftId.of(id).value());
    }

    @Operation(summary = "Approve a draft",
            description = "The proposed change takes effect now as the requester's, with the approver recorded beside the actor on "
                    + "every event. Refused by the requester (self-approval, 422), for a decided draft (draft-not-pending, 409), and "
                    + "when the change breaks a rule now (its own rule, 422): then nothing is recorded and the draft stays pending.")
    @PostMapping("/{id}/approve")
    Decided approve(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        DraftId draft = DraftId.of(id);
        Recorded<ApprovalResult> recorded = known(id, () -> commands.approve(draft, context.requester(request, response)));
        return new Decided(id, DraftView.APPROVED, user.name(), recorded.position(), recorded.result().changeId());
    }

    @Operation(summary = "Reject a draft", description = "The proposed change never takes effect. The same refusals as an approval.")
    @PostMapping("/{id}/reject")
    Decided reject(@PathVariable String id, @Valid @RequestBody RejectRequest body, HttpServletRequest request,
                   HttpServletResponse response) {
        DraftId draft = DraftId.of(id);
        Recorded<DraftId> recorded = known(id, () -> commands.reject(draft, body.reason(), context.requester(request, response)));
        return new Decided(id, DraftView.REJECTED, user.name(), recorded.position(), null);
    }

    private static <T> T known(String id, Supplier<T> decision) {
        try {
            return decision.get();
        } catch (UnknownDraftException e) {
            throw new NotFoundException("draft", id);
        }
    }

    private boolean seesAll() {
        return user.has(Role.APPROVER) || user.has(Role.AUDITOR);
    }

    private Approval approval(DraftView view) {
        try {
            return new Approval(view.draftId(), view.kind(), view.state(), view.requester(), view.requestedAt(), view.approver(),
                    view.decidedAt(), view.reason(), json.readTree(view.proposalJson()), view.changeIds(), view.position());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
