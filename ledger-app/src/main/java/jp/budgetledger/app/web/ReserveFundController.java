package jp.budgetledger.app.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.security.CurrentUser;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.ReserveFundUseId;
import jp.budgetledger.core.api.UseReserveFund;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** {@code POST /api/reserve-fund-uses}: uses a 会計's 予備費 for an 歳出 line of it (予備費充用), both lines or neither. */
@RestController
@Tag(name = "transfers")
class ReserveFundController {

    private final LedgerCommands commands;
    private final RequestContext context;
    private final CurrentUser user;
    private final Approvals approvals;

    ReserveFundController(LedgerCommands commands, RequestContext context, CurrentUser user, Approvals approvals) {
        this.commands = commands;
        this.context = context;
        this.user = user;
        this.approvals = approvals;
    }

    @JsonIgnoreProperties(value = "actor")
    record ReserveFundUseRequest(@NotBlank String fromId, @NotBlank String toId, @NotNull @Positive Long amountYen, LocalDate effectiveDate,
                                 @NotBlank @Size(max = 1000) String reason, @Size(max = 200) String reference) {
    }

    record ReserveFundUsed(String id, String fromId, String toId, long amountYen, long fromVersion, long toVersion, long position) {
    }

    @Operation(summary = "Use a reserve fund (予備費充用)",
            description = "Moves amountYen from a 会計's 予備費 (a line whose 款 is named 予備費) into an 歳出 line of the same 会計 and fiscal "
                    + "year, both or neither, effective from effectiveDate. From a line that is not a 予備費 (not-a-reserve-fund), into a "
                    + "予備費 (reserve-fund-into-reserve), into an 歳入 line (reserve-fund-revenue-side) or a line of another 会計 "
                    + "(reserve-fund-across-account), or more than the 予備費 has on some day (reserve-fund-exceeded) is 422. "
                    + "When uses of the reserve fund need four-eyes approval (ledger.approval.required-for; by default they do), the "
                    + "checked use is recorded as a draft instead and answered 202 with its id and state pending; it takes effect once "
                    + "approved (/api/approvals).")
    @ApiResponse(responseCode = "201", description = "Used",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReserveFundUsed.class)))
    @ApiResponse(responseCode = "202", description = "Recorded as a draft that waits for approval",
            headers = @Header(name = "Location", description = "The draft", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Approvals.Drafted.class)))
    @PostMapping("/api/reserve-fund-uses")
    ResponseEntity<Object> use(@Valid @RequestBody ReserveFundUseRequest body, HttpServletRequest request, HttpServletResponse response) {
        user.requireLine(InitiativeId.of(body.fromId()));
        user.requireLine(InitiativeId.of(body.toId()));
        ReserveFundUseId useId = ReserveFundUseId.generate();
        UseReserveFund use = RequestFields.RESERVE_FUND_USE.call(() -> new UseReserveFund(useId, InitiativeId.of(body.fromId()),
                InitiativeId.of(body.toId()), Money.ofYen(body.amountYen()), new ChangeContext(body.effectiveDate(), body.reason(), body.reference())));
        Requester requester = context.requester(request, response);
        return RequestFields.RESERVE_FUND_USE.call(() -> approvals.submit(use, requester, () -> {
            var recorded = commands.useReserveFund(use, requester);
            return new ReserveFundUsed(useId.value(), body.fromId(), body.toId(), body.amountYen(), recorded.result().fromVersion(),
                    recorded.result().toVersion(), recorded.position());
        }));
    }
}
