package jp.budgetledger.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jp.budgetledger.app.audit.EventHistory;
import jp.budgetledger.app.audit.HistoryEntry;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.command.Recorded;
import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.security.CurrentUser;
import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.AmendAmount;
import jp.budgetledger.core.api.AmendmentResult;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.CorrectEvent;
import jp.budgetledger.core.api.ReassignInitiative;
import jp.budgetledger.core.api.ReviseInitiative;
import jp.budgetledger.core.api.WithdrawInitiative;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.Text;
import jp.budgetledger.projections.initiatives.InitiativeQueries;
import jp.budgetledger.projections.initiatives.InitiativeView;
import jp.budgetledger.projections.temporal.TemporalQueries;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

/** Budget lines: add, amend, list, show. */
@RestController
@Tag(name = "lines")
@RequestMapping("/api/initiatives")
class InitiativeController {

    private final LedgerCommands commands;
    private final InitiativeQueries queries;
    private final RequestContext context;
    private final ReadConsistency consistency;
    private final TemporalQueries temporal;
    private final EventHistory history;
    private final CurrentUser user;

    InitiativeController(LedgerCommands commands, InitiativeQueries queries, RequestContext context,
                         ReadConsistency consistency, TemporalQueries temporal, EventHistory history, CurrentUser user) {
        this.commands = commands;
        this.queries = queries;
        this.context = context;
        this.consistency = consistency;
        this.temporal = temporal;
        this.history = history;
        this.user = user;
    }

    @Operation(summary = "Add a budget line",
            description = "Records a new line of a fiscal year (effectiveDate defaults to the fiscal year's first day). The same fiscal year, "
                    + "department and name again is 409 with existingId. An officer limited to departments gets 403 for another one. "
                    + "accountName, side and subject (with accountCode and departmentCode optional) classify the line; a classified line "
                    + "is identified by its 会計, side, 科目 path and department (409 when the year has it), needs no category, and must "
                    + "keep to the year's 科目 table: one name per code at each level (422 subject-name-conflict naming both names). "
                    + "carryoverLimitYen sets the line's 繰越明許費 limit (第2表) with it, as part of the 当初予算, in the same unit of work: "
                    + "above the amount (carryover-limit-above-amount) or on an 歳入 line (carryover-revenue-side) is 422 and records nothing.")
    @ApiResponse(responseCode = "201", description = "The line was recorded", useReturnTypeSchema = true,
            headers = @Header(name = "Location", description = "The new line", schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "409", description = "A line with this fiscal year, department and name exists (existingId), "
            + "or the first request with this Idempotency-Key is still running")
    @ApiResponse(responseCode = "422", description = "A ledger rule rejects the line: a negative amount (negative-amount), an effective date "
            + "outside the year, a 会計 or 科目 code the year names otherwise (subject-name-conflict), or its 繰越明許費 limit")
    @PostMapping
    ResponseEntity<Responses.Created> add(@Valid @RequestBody AddInitiativeRequest body,
                                          HttpServletRequest request, HttpServletResponse response) {
        user.requireDepartment(body.department());
        Classification classification = ClassificationRequests.classification("", body.accountCode(), body.accountName(), body.side(),
                body.subject(), body.departmentCode());
        Category category = category("", body.categoryCode(), body.categoryName(), classification != null, "must not be blank");
        Requester requester = context.requester(request, response);
        AddInitiative command = new AddInitiative(
                InitiativeId.generate(),
                FiscalYear.of(body.fiscalYear()),
                category,
                Department.of(body.department()),
                body.name(),
                Money.ofYen(body.amountYen()),
                body.summary(),
                new ChangeContext(body.effectiveDate(), body.reason(), body.reference(), body.partOfSet()),
                classification,
                body.carryoverLimitYen() == null ? null : Money.ofYen(body.carryoverLimitYen()));
        Recorded<String> recorded = RequestFields.COMMON.call(() -> commands.add(command, requester));
        return ResponseEntity
                .created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(recorded.result()).toUri())
                .body(new Responses.Created(recorded.result(), recorded.version(), recorded.position()));
    }

    /**
     * The category of a new line: required (both fields) for an unclassified line, optional (both or neither) for a classified one.
     *
     * @throws InvalidValueException naming {@code prefix} + the missing field, with {@code missing} as the reason for an unclassified line
     */
    static Category category(String prefix, String code, String name, boolean classified, String missing) {
        boolean noCode = code == null || code.isBlank();
        boolean noName = name == null || name.isBlank();
        if (classified && noCode && noName) {
            return null;
        }
        if (noCode || noName) {
            throw new InvalidValueException(prefix + (noCode ? "categoryCode" : "categoryName"), classified
                    ? "give both categoryCode and categoryName, or neither for a classified line"
                    : missing);
        }
        return new Category(code, name);
    }

    @Operation(summary = "Amend a line's amount",
            description = "To a new amount (newAmountYen) or by a difference (deltaYen; \"△1,786,000\" and full-width digits work too), "
                    + "effective from effectiveDate. A line's amount cannot become negative (422 negative-amount); a withdrawn line cannot "
                    + "be amended (409). With If-Match, a stale version is 412.")
    @PostMapping("/{id}/amendments")
    Responses.Amended amend(@PathVariable String id, @Valid @RequestBody AmendmentRequest body,
                            @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                            HttpServletRequest request, HttpServletResponse response) {
        if ((body.newAmountYen() == null) == (body.deltaYen() == null)) {
            throw new InvalidValueException(body.newAmountYen() == null ? "newAmountYen" : "deltaYen",
                    "give exactly one of newAmountYen and deltaYen");
        }
        InitiativeId initiativeId = InitiativeId.of(id);
        user.requireLine(initiativeId);
        Requester requester = context.requester(request, response);
        ChangeContext change = new ChangeContext(body.effectiveDate(), body.reason(), body.reference(), body.partOfSet());
        AmendAmount command = (body.newAmountYen() != null
                ? AmendAmount.to(initiativeId, Money.ofYen(body.newAmountYen()), change)
                : AmendAmount.by(initiativeId, Money.ofYen(body.deltaYen()), change)).expecting(IfMatch.version(ifMatch));
        Recorded<AmendmentResult> recorded = RequestFields.amendment(body).call(() -> commands.amend(command, requester));
        response.setHeader(HttpHeaders.ETAG, IfMatch.etag(recorded.version()));
        return new Responses.Amended(id, recorded.version(), recorded.result().amount().yen(), recorded.position());
    }

    @Operation(summary = "Withdraw a line (廃止)",
            description = "The line stops from effectiveDate (optionally merged into another line). A line already withdrawn is 409.")
    @PostMapping("/{id}/withdrawals")
    LineChangeRequests.Changed withdraw(@PathVariable String id, @Valid @RequestBody LineChangeRequests.Withdrawal body,
                                        @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                        HttpServletRequest request, HttpServletResponse response) {
        InitiativeId line = InitiativeId.of(id);
        user.requireLine(line);
        var command = new WithdrawInitiative(line, IfMatch.version(ifMatch), body.kind(),
                body.mergedInto() == null ? null : InitiativeId.of(body.mergedInto()),
                new ChangeContext(body.effectiveDate(), body.reason(), body.reference(), body.partOfSet()));
        return changed(line, commands.change(command, line, context.requester(request, response)), response);
    }

    @Operation(summary = "Revise a line's name or summary",
            description = "A new name and/or summary; the same name as another line of the department and year is 409.")
    @PostMapping("/{id}/revisions")
    LineChangeRequests.Changed revise(@PathVariable String id, @Valid @RequestBody LineChangeRequests.Revision body,
                                      @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                      HttpServletRequest request, HttpServletResponse response) {
        InitiativeId line = InitiativeId.of(id);
        user.requireLine(line);
        var command = new ReviseInitiative(line, IfMatch.version(ifMatch), body.name(), body.summary(),
                new ChangeContext(body.effectiveDate(), body.reason(), body.reference()));
        return changed(line, commands.change(command, line, context.requester(request, response)), response);
    }

    @Operation(summary = "Move a line to another department, category or 科目",
            description = "From effectiveDate, to department and/or the category given by categoryCode and categoryName together, and/or "
                    + "(a classified line only, else 422 unclassified-line) another 科目 path given by subject: another 目, a re-coded or "
                    + "renamed 科目 (same 会計 and side). A name the year's 科目 table has otherwise is 422 subject-name-conflict, unless "
                    + "the line is the only one with it.")
    @PostMapping("/{id}/reassignments")
    LineChangeRequests.Changed reassign(@PathVariable String id, @Valid @RequestBody LineChangeRequests.Reassignment body,
                                        @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                        HttpServletRequest request, HttpServletResponse response) {
        InitiativeId line = InitiativeId.of(id);
        user.requireLine(line);
        if (body.department() != null) {
            user.requireDepartment(body.department());
        }
        if ((body.categoryCode() == null) != (body.categoryName() == null)) {
            throw new InvalidValueException(body.categoryCode() == null ? "categoryCode" : "categoryName",
                    "give both categoryCode and categoryName to move the line to another category");
        }
        var command = new ReassignInitiative(line, IfMatch.version(ifMatch),
                body.department() == null ? null : Department.of(body.department()),
                body.categoryCode() == null ? null : new Category(body.categoryCode(), body.categoryName()),
                new ChangeContext(body.effectiveDate(), body.reason(), body.reference(), body.partOfSet()),
                body.subject() == null ? null : ClassificationRequests.subject("", body.subject()));
        return changed(line, commands.change(command, line, context.requester(request, response)), response);
    }

    @Operation(summary = "Correct one earlier amendment",
            description = "Reverses the amendment with the given sequence number (see the line's history); an event corrected already is 409.")
    @PostMapping("/{id}/corrections")
    LineChangeRequests.Changed correct(@PathVariable String id, @Valid @RequestBody LineChangeRequests.Correction body,
                                       @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                       HttpServletRequest request, HttpServletResponse response) {
        InitiativeId line = InitiativeId.of(id);
        user.requireLine(line);
        var command = new CorrectEvent(line, IfMatch.version(ifMatch), body.sequence(),
                new ChangeContext(null, body.reason(), body.reference(), body.partOfSet()));
        return changed(line, commands.change(command, line, context.requester(request, response)), response);
    }

    private static LineChangeRequests.Changed changed(InitiativeId line, Recorded<Long> recorded, HttpServletResponse response) {
        response.setHeader(HttpHeaders.ETAG, IfMatch.etag(recorded.version()));
        return new LineChangeRequests.Changed(line.value(), recorded.version(), recorded.position());
    }

    /**
     * Lines as they stand now, or, with {@code asOf} and/or {@code effectiveOn} (which need a
     * {@code fiscalYear}), the lines in force at that moment with the amounts they had then.
     */
    @Operation(summary = "List lines",
            description = "Lines as they stand now, filtered by fiscal year, department and category; with asOf and/or effectiveOn (which need "
                    + "fiscalYear) the lines in force at that moment with the amounts they had then.")
    @GetMapping
    List<?> list(@RequestParam(required = false) Integer fiscalYear,
                 @RequestParam(required = false) String department,
                 @RequestParam(required = false) String categoryCode,
                 @RequestParam(required = false) String asOf,
                 @RequestParam(required = false) String effectiveOn,
                 @RequestParam(required = false) Long minPosition) {
        String departmentFilter = Text.cleanOrNull(department);
        String categoryFilter = categoryCode == null ? null : Text.key(categoryCode);
        if (!(asOf == null || asOf.isBlank()) || !(effectiveOn == null || effectiveOn.isBlank())) {
            if (fiscalYear == null) {
                throw new InvalidValueException("fiscalYear", "is required with asOf or effectiveOn");
            }
            FiscalYear year = FiscalYear.of(fiscalYear);
            var moment = MomentParameters.of(year, asOf, effectiveOn).orElseThrow();
            consistency.awaitPosition(minPosition);
            return temporal.lines(year, moment, departmentFilter, categoryFilter);
        }
        consistency.awaitPosition(minPosition);
        return queries.list(fiscalYear, departmentFilter, categoryFilter);
    }

    @Operation(summary = "A line's history",
            description = "Every event of the line: who, when, why, its reference, before and after.")
    @GetMapping("/{id}/history")
    List<HistoryEntry> history(@PathVariable String id, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        List<HistoryEntry> entries = history.of(InitiativeId.of(id).value());
        if (entries.isEmpty()) {
            throw new NotFoundException("initiative", id);
        }
        return entries;
    }

    @Operation(summary = "Show a line",
            description = "The line as it stands now; its ETag is the version to send in If-Match with a write on it.")
    @ApiResponse(responseCode = "200", description = "The line", useReturnTypeSchema = true,
            headers = @Header(name = "ETag", description = "The line's version, for If-Match", schema = @Schema(type = "string")))
    @GetMapping("/{id}")
    ResponseEntity<InitiativeView> show(@PathVariable String id, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        InitiativeView view = queries.find(id).orElseThrow(() -> new NotFoundException("initiative", id));
        return ResponseEntity.ok().eTag(IfMatch.etag(view.version())).body(view);
    }
}
