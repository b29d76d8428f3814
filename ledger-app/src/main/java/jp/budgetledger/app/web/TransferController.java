package jp.budgetledger.app.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.security.CurrentUser;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.TransferId;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jp.budgetledger.app.command.Requester;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * {@code POST /api/transfers}: moves an amount between two lines of a fiscal year (流用), both or
 * neither; or, when transfers need approval, records it as a draft ({@link Approvals}).
 */
@RestController
@Tag(name = "transfers")
class TransferController {

    private final LedgerCommands commands;
    private final RequestContext context;
    private final CurrentUser user;
    private final Approvals approvals;

    TransferController(LedgerCommands commands, RequestContext context, CurrentUser user, Approvals approvals) {
        this.commands = commands;
        this.context = context;
        this.user = user;
        this.approvals = approvals;
    }

    @JsonIgnoreProperties(value = "actor")
    record TransferRequest(@NotBlank String fromId, @NotBlank String toId, @NotNull @Positive Long amountYen, LocalDate effectiveDate,
                           @NotBlank @Size(max = 1000) String reason, @Size(max = 200) String reference, @Schema(description = ApiDocumentation.PART_OF_SET) Boolean partOfSet,
                           @Schema(description = "The article of the fiscal year's 予算総則 clause (項間流用) that allows the transfer, e.g. 第5条; "
                                   + "needed for a transfer between 項 of one 款") @Size(max = 50) String clause) {
    }

    record Transferred(String id, String fromId, String toId, long amountYen, long fromVersion, long toVersion, long position,
                       @Schema(description = "The level of the 科目 path crossed: kou, moku, jigyou, setsu or saisetsu; null for unclassified "
                               + "lines or lines of one path") String level,
                       @Schema(description = "The article of the clause cited") String clause) {
    }

    @Operation(summary = "Transfer between two lines (流用)",
            description = "Moves amountYen from one line to another of the same fiscal year, both or neither, effective from effectiveDate. "
                    + "An unknown line (unknown-line) or a transfer that would make the source negative is 422. Between classified lines: "
                    + "across 会計 or sides (transfer-across-account, transfer-across-side), across 款 (transfer-across-kan), across 項 "
                    + "without a cited clause of the 予算総則 that covers both lines (transfer-across-kou, unknown-clause), from a barred 節 "
                    + "(transfer-from-barred-setsu) or to or from a 予備費 (transfer-touches-reserve-fund) is 422. "
                    + "When transfers need four-eyes approval (ledger.approval.required-for), the checked transfer is recorded as a "
                    + "draft instead and answered 202 with its id and state pending; it takes effect once approved (/api/approvals).")
    @ApiResponse(responseCode = "201", description = "Transferred",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Transferred.class)))
    @ApiResponse(responseCode = "202", description = "Recorded as a draft that waits for approval",
            headers = @Header(name = "Location", description = "The draft", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Approvals.Drafted.class)))
    @PostMapping("/api/transfers")
    ResponseEntity<Object> transfer(@Valid @RequestBody TransferRequest body, HttpServletRequest request, HttpServletResponse response) {
        user.requireLine(InitiativeId.of(body.fromId()));
        user.requireLine(InitiativeId.of(body.toId()));
        TransferId transferId = TransferId.generate();
        TransferFunds transfer = RequestFields.TRANSFER.call(() -> new TransferFunds(transferId, InitiativeId.of(body.fromId()),
                InitiativeId.of(body.toId()), Money.ofYen(body.amountYen()),
                new ChangeContext(body.effectiveDate(), body.reason(), body.reference(), body.partOfSet()), body.clause()));
        Requester requester = context.requester(request, response);
        return RequestFields.TRANSFER.call(() -> approvals.submit(transfer, requester, () -> {
            var recorded = commands.transfer(transfer, requester);
            return new Transferred(transferId.value(), body.fromId(), body.toId(), body.amountYen(),
                    recorded.result().fromVersion(), recorded.result().toVersion(), recorded.position(), recorded.result().level(),
                    recorded.result().clause());
        }));
    }
}
