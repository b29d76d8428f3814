package jp.budgetledger.app.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.command.Recorded;
import jp.budgetledger.app.reports.CarryoverReports;
import jp.budgetledger.app.security.CurrentUser;
import jp.budgetledger.core.api.CarryoverFunding;
import jp.budgetledger.core.api.CarryoverId;
import jp.budgetledger.core.api.CarryoverKind;
import jp.budgetledger.core.api.CarryoverResult;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.RecordCarryover;
import jp.budgetledger.core.api.SetCarryoverLimit;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import jp.budgetledger.core.document.BudgetTableLayout;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Carry-overs into the next fiscal year: a line's 繰越明許費 limit ({@code PUT /api/initiatives/{id}/carryover-limit}), the record of
 * a 繰越明許費繰越 or 事故繰越し ({@code POST /api/carryovers}), and the documents 第2表 繰越明許費 and 繰越計算書.
 */
@RestController
@Tag(name = "carryovers")
class CarryoverController {


    private final LedgerCommands commands;
    private final RequestContext context;
    private final CurrentUser user;
    private final ReadConsistency consistency;
    private final CarryoverReports reports;

    CarryoverController(LedgerCommands commands, RequestContext context, CurrentUser user, ReadConsistency consistency,
                        CarryoverReports reports) {
        this.commands = commands;
        this.context = context;
        this.user = user;
        this.consistency = consistency;
        this.reports = reports;
    }

    @JsonIgnoreProperties(value = "actor")
    record LimitRequest(@NotNull @PositiveOrZero Long limitYen,
                        @Schema(description = "The supplementary budget of the line's fiscal year, in force, that sets the limit; absent "
                                + "(or basis initial) for the 当初予算") @Size(max = 64) String supplementaryBudgetId,
                        @Schema(description = "initial (the default) for the 当初予算") @Size(max = 20) String basis,
                        LocalDate effectiveDate, @NotBlank @Size(max = 1000) String reason, @Size(max = 200) String reference) {
    }

    @Schema(description = "財源内訳; parts left out are zero, the whole left out is all 一般財源")
    record FundingBody(@PositiveOrZero @Schema(description = "既収入特定財源") Long receivedYen,
                       @PositiveOrZero @Schema(description = "未収入特定財源: 国県支出金") Long nationalPrefecturalYen,
                       @PositiveOrZero @Schema(description = "未収入特定財源: 地方債") Long bondsYen,
                       @PositiveOrZero @Schema(description = "未収入特定財源: その他") Long otherYen,
                       @PositiveOrZero @Schema(description = "一般財源") Long generalYen) {

        CarryoverFunding funding() {
            return new CarryoverFunding(yen(receivedYen), yen(nationalPrefecturalYen), yen(bondsYen), yen(otherYen), yen(generalYen));
        }

        private static Money yen(Long value) {
            return Money.ofYen(value == null ? 0 : value);
        }
    }

    @JsonIgnoreProperties(value = "actor")
    record CarryoverRequest(@NotBlank @Schema(description = "explicit (繰越明許費) or accident (事故繰越し)", allowableValues = {"explicit", "accident"})
                            String kind,
                            @NotBlank String fromId, @NotNull @Positive Long amountYen, @Valid FundingBody funding,
                            @NotBlank @Size(max = 1000) String reason, @Size(max = 200) String reference,
                            @Schema(description = "Required for an accident: why the payment could not be finished within the year "
                                    + "(避けがたい事故のため年度内に支出を終わらなかった…)") @Size(max = 1000) String accidentReason,
                            @Schema(description = "The day the carry-over was decided") LocalDate decidedOn,
                            @Schema(description = "The day of the source year the carry is recorded on; defaults to its last day (31 March)")
                            LocalDate effectiveDate) {
    }

    record Carried(String id, String kind, String fromId, long fromVersion,
                   @Schema(description = "The line of the next fiscal year the carry-over opened, effective 1 April") String carriedLineId,
                   long amountYen, long position) {
    }

    @Operation(summary = "Set a line's 繰越明許費 limit (第2表)",
            description = "The line's 繰越明許費 (地方自治法 第213条) as part of the 当初予算 or of a supplementary budget (supplementaryBudgetId) of "
                    + "the line's year in force; a later limit replaces the earlier one (its history shows both). A limit above the line's "
                    + "amount (carryover-limit-above-amount) or below what was carried under it (carryover-limit-below-carried), of an 歳入 "
                    + "line (carryover-revenue-side) or of a line carried from the year before (carryover-of-carried-line), or citing an "
                    + "unknown budget (unknown-supplementary-budget) or one of another year or not in force "
                    + "(carryover-limit-budget-not-in-force) is 422; a withdrawn line 409. With If-Match, a stale version is 412.")
    @PutMapping("/api/initiatives/{id}/carryover-limit")
    LineChangeRequests.Changed setLimit(@PathVariable String id, @Valid @RequestBody LimitRequest body,
                                        @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                        HttpServletRequest request, HttpServletResponse response) {
        InitiativeId line = InitiativeId.of(id);
        user.requireLine(line);
        if (body.basis() != null && !"initial".equals(body.basis().strip())) {
            throw new InvalidValueException("basis", "must be initial; name a supplementary budget by supplementaryBudgetId");
        }
        if (body.basis() != null && body.supplementaryBudgetId() != null) {
            throw new InvalidValueException("basis", "give either basis initial or a supplementaryBudgetId, not both");
        }
        SetCarryoverLimit command = new SetCarryoverLimit(line, IfMatch.version(ifMatch), Money.ofYen(body.limitYen()),
                body.supplementaryBudgetId() == null || body.supplementaryBudgetId().isBlank() ? null
                        : SupplementaryBudgetId.of(body.supplementaryBudgetId().strip()),
                new ChangeContext(body.effectiveDate(), body.reason(), body.reference()));
        Recorded<Long> recorded = RequestFields.CARRYOVER_LIMIT.call(() -> commands.change(command, line, context.requester(request, response)));
        response.setHeader(HttpHeaders.ETAG, IfMatch.etag(recorded.version()));
        return new LineChangeRequests.Changed(id, recorded.version(), recorded.position());
    }

    @Operation(summary = "Record a carry-over into the next fiscal year (繰越明許費繰越, 事故繰越し)",
            description = "Carries amountYen of an 歳出 (or unclassified) line of fiscal year N into N+1: the line keeps its amount (the ledger "
                    + "tracks no payments) and a new line of N+1, effective 1 April N+1, of the same department, 会計 and 科目 and named like "
                    + "it, opens with the amount and points to its source (carriedFrom); it is outside N+1's 当初予算 and its 会計's balance. "
                    + "Recorded until N is closed, also after 31 March N+1. explicit (繰越明許費, 第213条): within the line's limit less what "
                    + "was carried under it (no-carryover-limit, carryover-limit-exceeded); accident (事故繰越し, 第220条第3項): with "
                    + "accidentReason (400 without). Either: within the line's amount in force on 31 March N+1 less what was carried "
                    + "(carryover-exceeds-line); funding parts summing to the amount (carryover-funding-mismatch); not of an 歳入 line "
                    + "(carryover-revenue-side); the 科目 names of N+1's table (subject-name-conflict). All 422; a withdrawn line 409.")
    @ApiResponse(responseCode = "201", description = "Carried", useReturnTypeSchema = true,
            headers = @Header(name = "Location", description = "The line of the next year", schema = @Schema(type = "string", format = "uri")))
    @PostMapping("/api/carryovers")
    ResponseEntity<Carried> carryOver(@Valid @RequestBody CarryoverRequest body, HttpServletRequest request, HttpServletResponse response) {
        InitiativeId from = InitiativeId.of(body.fromId());
        user.requireLine(from);
        CarryoverKind kind = CarryoverKind.parse(body.kind());
        CarryoverId id = CarryoverId.generate();
        Money amount = Money.ofYen(body.amountYen());
        RecordCarryover command = RequestFields.CARRYOVER.call(() -> new RecordCarryover(id, kind, from, InitiativeId.generate(), amount,
                body.funding() == null ? CarryoverFunding.general(amount) : body.funding().funding(), body.accidentReason(), body.decidedOn(),
                new ChangeContext(body.effectiveDate(), body.reason(), body.reference())));
        Recorded<CarryoverResult> recorded = RequestFields.CARRYOVER.call(() -> commands.carryOver(command, context.requester(request, response)));
        String carriedLine = recorded.result().carriedLineId().value();
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/initiatives/{id}").buildAndExpand(carriedLine).toUri())
                .body(new Carried(id.value(), kind.code(), body.fromId(), recorded.result().fromVersion(), carriedLine, body.amountYen(),
                        recorded.position()));
    }

    @Operation(summary = "繰越計算書 (繰越明許費繰越計算書, 事故繰越し繰越計算書)",
            description = "The carry-overs of fiscal year N into N+1 per 会計 (all, or the one account names by code or name), 繰越明許費 and "
                    + "事故繰越し apart (kind explicit or accident; both without): 款, 項, 事業名, 繰越明許費の額 (explicit only), 翌年度繰越額, "
                    + "財源内訳 (既収入特定財源; 未収入特定財源: 国県支出金, 地方債, その他; 一般財源) and 説明, with a total per 会計; as recorded "
                    + "by asOf (default now). JSON (default) in exact yen; CSV (UTF-8 with BOM), XLSX or PDF (A4) in 千円 with grouping.")
    @ApiResponse(responseCode = "200", description = "The statements", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = CarryoverReports.Statements.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/api/reports/carryovers")
    ResponseEntity<?> carryovers(@RequestParam Integer fiscalYear, @RequestParam(required = false) String account,
                                 @Parameter(description = "explicit or accident; both when absent", schema = @Schema(allowableValues = {"explicit", "accident"}))
                                 @RequestParam(required = false) String kind,
                                 @RequestParam(required = false) String asOf,
                                 @Parameter(description = "json (default), csv, xlsx or pdf", schema = @Schema(allowableValues = {"json", "csv", "xlsx", "pdf"}, defaultValue = "json"))
                                 @RequestParam(defaultValue = "json") String format,
                                 @RequestParam(required = false) Long minPosition) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        checkFormat(format);
        CarryoverKind only = kind == null || kind.isBlank() ? null : CarryoverKind.parse(kind);
        Instant at = asOf == null || asOf.isBlank() ? Instant.now() : MomentParameters.instant("asOf", asOf, true);
        consistency.awaitPosition(minPosition);
        CarryoverReports.Statements statements = reports.carryovers(year, account, only, at);
        if ("json".equals(format)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(statements);
        }
        String name = (only == null ? "繰越計算書" : CarryoverReports.title(only)) + "_" + year.japaneseName();
        return document(reports.carryoversDocument(year, statements), format, "carryovers-" + year.value(), name, "繰越計算書",
                16, 24, 28, 16, 16, 16, 16, 16, 16, 16, 40);
    }

    @Operation(summary = "第2表 繰越明許費",
            description = "The 繰越明許費 limits of fiscal year N's lines per 会計 (all, or the one account names): 款, 項, 事業名, 金額 and the "
                    + "budget that set it (当初 or 補正第M号), with what was carried under it, as recorded by asOf (default now). JSON "
                    + "(default) in exact yen; CSV (UTF-8 with BOM), XLSX or PDF (A4) in 千円 with grouping.")
    @ApiResponse(responseCode = "200", description = "The table", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = CarryoverReports.Limits.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/api/reports/carryover-limits")
    ResponseEntity<?> limits(@RequestParam Integer fiscalYear, @RequestParam(required = false) String account,
                             @RequestParam(required = false) String asOf,
                             @Parameter(description = "json (default), csv, xlsx or pdf", schema = @Schema(allowableValues = {"json", "csv", "xlsx", "pdf"}, defaultValue = "json"))
                             @RequestParam(defaultValue = "json") String format,
                             @RequestParam(required = false) Long minPosition) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        checkFormat(format);
        Instant at = asOf == null || asOf.isBlank() ? Instant.now() : MomentParameters.instant("asOf", asOf, true);
        consistency.awaitPosition(minPosition);
        CarryoverReports.Limits limits = reports.limits(year, account, at);
        if ("json".equals(format)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(limits);
        }
        return document(reports.limitsDocument(year, limits), format, "carryover-limits-" + year.value(),
                "第2表_繰越明許費_" + year.japaneseName(), "第2表", 24, 24, 28, 16, 12);
    }

    private static void checkFormat(String format) {
        ReportController.checkFormat(format);
    }

    private static ResponseEntity<byte[]> document(List<BudgetTableLayout.Row> rows, String format, String base, String japanese, String sheet,
                                                   int... widths) {
        return ReportController.document(rows, format, base, japanese, sheet, widths);
    }
}
