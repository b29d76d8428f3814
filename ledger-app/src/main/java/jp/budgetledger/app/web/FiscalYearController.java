package jp.budgetledger.app.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.budgetledger.app.merkle.MerkleProofs;
import jp.budgetledger.app.merkle.SignedTreeHead;
import jp.budgetledger.app.years.FiscalYearStates;
import jp.budgetledger.app.years.FiscalYears;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.DraftId;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.ProposalKinds;
import jp.budgetledger.core.api.ReopenFiscalYear;
import jp.budgetledger.projections.approvals.DraftView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * {@code /api/fiscal-years}: each fiscal year's state (its phase by the calendar, closed or not, its seal and reopenings) at a
 * moment; the close of a year (確定, APPROVER or ADMIN), answered with the signed tree head kept with it; the request to reopen
 * a closed year, recorded as a draft that another approver must approve.
 */
@RestController
@Tag(name = "fiscal years")
class FiscalYearController {

    private final FiscalYears years;
    private final FiscalYearStates states;
    private final RequestContext context;
    private final ReadConsistency consistency;

    FiscalYearController(FiscalYears years, FiscalYearStates states, RequestContext context, ReadConsistency consistency) {
        this.years = years;
        this.states = states;
        this.context = context;
        this.consistency = consistency;
    }

    @JsonIgnoreProperties(value = "actor")
    record CloseRequest(@NotBlank @Size(max = ChangeContext.MAX_REASON_LENGTH) String reason,
                        @Size(max = ChangeContext.MAX_REFERENCE_LENGTH) String reference,
                        @Schema(description = "Close before the end of the 出納整理期間 (31 May of the following year); the reason says why")
                        Boolean force) {
    }

    @JsonIgnoreProperties(value = "actor")
    record ReopenRequest(@NotBlank @Size(max = ChangeContext.MAX_REASON_LENGTH) String reason,
                         @Size(max = ChangeContext.MAX_REFERENCE_LENGTH) String reference) {
    }

    record Closed(int fiscalYear, String japaneseName, boolean closed, boolean forced, long version,
                  @Schema(description = "The close's position in the store") long position,
                  @Schema(description = "The signed tree head kept with the close, whose tree includes it (as GET /api/audit/tree-head "
                          + "gives it: ledger-verifier --tree-head accepts it); null when the seal is left to the ledger's schedule")
                  SignedTreeHead treeHead,
                  @Schema(description = "The close's inclusion proof in that tree") MerkleProofs.InclusionProof inclusionProof,
                  @Schema(description = "The seal's position (FiscalYearSealed): a read with this minPosition shows the seal")
                  Long sealPosition) {
    }

    @Operation(summary = "The fiscal years and their states",
            description = "Every fiscal year that has a line or was ever closed, newest first, as at asOf (an instant, or a date meaning the "
                    + "end of that day in Japan; default now): its period, the end of its 出納整理期間, its phase by the calendar that day "
                    + "(open until 31 March N+1, settlement until 31 May N+1, ended after), whether it was closed (確定) then, by whom, "
                    + "why and with which seal, its reopenings, and a reopening waiting for approval.")
    @ApiResponse(responseCode = "200", description = "The years",
            content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = FiscalYearStates.YearState.class))))
    @GetMapping("/api/fiscal-years")
    List<FiscalYearStates.YearState> list(@RequestParam(required = false) String asOf, @RequestParam(required = false) Long minPosition) {
        Instant at = moment(asOf);
        consistency.awaitPosition(minPosition);
        return states.all(at);
    }

    @Operation(summary = "A fiscal year's state and history",
            description = "As listed, at asOf, with every close, seal and reopening recorded by then in the order recorded. A year "
                    + "without any is open, settling or ended by the calendar alone.")
    @ApiResponse(responseCode = "200", description = "The year",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FiscalYearStates.YearState.class)))
    @GetMapping("/api/fiscal-years/{fiscalYear}")
    FiscalYearStates.YearState show(@PathVariable int fiscalYear, @RequestParam(required = false) String asOf,
                                      @RequestParam(required = false) Long minPosition) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        Instant at = moment(asOf);
        consistency.awaitPosition(minPosition);
        return states.of(year, at);
    }

    @Operation(summary = "Close (確定) a fiscal year",
            description = "Records the close and seals it: the store's Merkle log is extended over the close, a tree head is signed and "
                    + "kept with the close (FiscalYearSealed), and both are answered, with the close's inclusion proof. From then on every "
                    + "change of the year is 409 fiscal-year-closed until it is reopened. Refused when the year is closed already (409 "
                    + "fiscal-year-already-closed) and before the end of its 出納整理期間, 31 May of the following year in Japan, unless "
                    + "force is true, the reason saying why (409 fiscal-year-not-settled, field force).")
    @ApiResponse(responseCode = "201", description = "Closed and sealed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Closed.class)))
    @PostMapping("/api/fiscal-years/{fiscalYear}/close")
    ResponseEntity<Closed> close(@PathVariable int fiscalYear, @Valid @RequestBody CloseRequest body, HttpServletRequest request,
                                 HttpServletResponse response) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        FiscalYears.Closed closed = RequestFields.FISCAL_YEAR_CLOSE.call(() -> years.close(year,
                new ChangeContext(null, body.reason(), body.reference()), Boolean.TRUE.equals(body.force()), context.requester(request, response)));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Closed(year.value(), year.japaneseName(), true, closed.forced(),
                closed.version(), closed.position(), closed.treeHead(), closed.inclusionProof(), closed.sealPosition()));
    }

    @Operation(summary = "Ask to reopen a closed fiscal year",
            description = "Always recorded as a draft (kind fiscal-year-reopening), whatever ledger.approval.required-for says: the year "
                    + "is reopened once another approver approves it (POST /api/approvals/{id}/approve), the approver recorded with the "
                    + "reopening. Refused when the year is not closed (409 fiscal-year-not-closed).")
    @ApiResponse(responseCode = "202", description = "Recorded as a draft that waits for approval",
            headers = @Header(name = "Location", description = "The draft", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Approvals.Drafted.class)))
    @PostMapping("/api/fiscal-years/{fiscalYear}/reopen")
    ResponseEntity<Approvals.Drafted> reopen(@PathVariable int fiscalYear, @Valid @RequestBody ReopenRequest body, HttpServletRequest request,
                                             HttpServletResponse response) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        var recorded = RequestFields.COMMON.call(() -> years.requestReopening(year, new ChangeContext(null, body.reason(), body.reference()),
                context.requester(request, response)));
        DraftId id = recorded.result();
        return ResponseEntity.accepted().location(URI.create(Approvals.PATH + "/" + id.value()))
                .body(new Approvals.Drafted(id.value(), DraftView.PENDING, ProposalKinds.of(ReopenFiscalYear.class), recorded.position()));
    }

    private static Instant moment(String asOf) {
        Instant at = MomentParameters.instant("asOf", asOf, true);
        return at == null ? Instant.now() : at;
    }
}
