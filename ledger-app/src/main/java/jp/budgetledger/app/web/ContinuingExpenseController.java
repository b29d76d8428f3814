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
import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.reports.ContinuingExpenseReports;
import jp.budgetledger.app.reports.YearStatus;
import jp.budgetledger.app.security.CurrentUser;
import jp.budgetledger.core.api.AnnualShare;
import jp.budgetledger.core.api.CarryForwardContinuingExpense;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.ContinuingExpenseId;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.RegisterContinuingExpense;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.domain.ContinuingExpenseException;
import jp.budgetledger.projections.continuing.ContinuingExpenseQueries;
import jp.budgetledger.projections.continuing.ContinuingExpenseView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * 継続費 (地方自治法 第212条): {@code POST /api/continuing-expenses} sets one with a line per year for its share (年割額),
 * {@code POST /api/continuing-expenses/{id}/carry-forward} records a 逓次繰越, and the read views and the 継続費調書
 * ({@code GET /api/reports/continuing-expenses}).
 */
@RestController
@Tag(name = "continuing-expenses", description = "継続費 (地方自治法 第212条): a project over several fiscal years with 年割額, 逓次繰越 and the 継続費調書")
class ContinuingExpenseController {

    private final LedgerCommands commands;
    private final RequestContext context;
    private final CurrentUser user;
    private final ReadConsistency consistency;
    private final ContinuingExpenseQueries queries;
    private final ContinuingExpenseReports reports;

    private final YearStatus years;

    ContinuingExpenseController(LedgerCommands commands, RequestContext context, CurrentUser user, ReadConsistency consistency,
                                ContinuingExpenseQueries queries, ContinuingExpenseReports reports, YearStatus years) {
        this.years = years;
        this.commands = commands;
        this.context = context;
        this.user = user;
        this.consistency = consistency;
        this.queries = queries;
        this.reports = reports;
    }

    @Schema(name = "AnnualShareRequest", description = "One year's share (年割額) of a 継続費")
    record ShareRequest(@NotNull Integer fiscalYear, @NotNull @PositiveOrZero Long amountYen) {
    }

    @JsonIgnoreProperties(value = "actor")
    record ContinuingExpenseRequest(
            @NotNull Integer fiscalYear,
            @NotBlank @Size(max = 200) @Schema(description = "事業名 (事項)") String name,
            @NotBlank @Size(max = 100) String department,
            @Size(max = 20) String categoryCode,
            @Size(max = 200) String categoryName,
            @Size(max = 20) @Schema(description = "The 会計's code as printed (optional)") String accountCode,
            @NotBlank @Size(max = 200) @Schema(description = "The 会計 (一般会計, a 特別会計)") String accountName,
            @Schema(description = "expenditure (歳出); a 継続費 is 歳出 only") String side,
            @NotNull @Valid ClassificationRequests.SubjectBody subject,
            @Size(max = 20) String departmentCode,
            @NotNull @PositiveOrZero @Schema(description = "総額 in yen") Long totalYen,
            @NotNull @Size(min = 1, max = 50) @Schema(description = "年割額: one per consecutive fiscal year from fiscalYear on, at least two, "
                    + "summing exactly to totalYen") List<@Valid @NotNull ShareRequest> shares,
            @Schema(description = "initial (当初予算, the default)") String basis,
            @Size(max = 64) @Schema(description = "The supplementary budget of the same year, in force, that sets the 継続費 (absent: 当初)")
            String supplementaryBudgetId,
            @Schema(description = "From when the first year's share holds (default 1 April of fiscalYear); later years' from their 1 April")
            LocalDate effectiveDate,
            @NotBlank @Size(max = 1000) String reason,
            @Size(max = 200) String reference,
            @Schema(description = ApiDocumentation.PART_OF_SET) Boolean partOfSet) {
    }

    /** One share line recorded: its year, id and amount. */
    record ShareLine(int fiscalYear, String initiativeId, long amountYen) {
    }

    record ContinuingExpenseRecorded(String id, int fiscalYear, int lastYear, long totalYen, List<ShareLine> lines, long version, long position) {
    }

    @Operation(summary = "Set a 継続費 (第212条)",
            description = "Records a 継続費 of the 歳出 side set by the budget of its first year fiscalYear (当初, or supplementaryBudgetId: a "
                    + "supplementary budget of that year in force), and in the same unit of work one line per year holding that year's "
                    + "share (年割額), classified as given, named like the 継続費, effective 1 April of its year (the first year's from "
                    + "effectiveDate); the lines count in their years' totals and answer to the lines' rules (one line per 科目 path and "
                    + "department of a year: 409; a 科目 code named otherwise: 422 subject-name-conflict; the 会計's balance: 422 "
                    + "unbalanced-account unless partOfSet). Shares that do not sum exactly to totalYen are 422 continuing-shares-do-not-sum "
                    + "(field shares, both sums named); not one per consecutive year from fiscalYear: continuing-shares-not-consecutive; "
                    + "fewer than two: continuing-expense-single-year; an unknown or not enacted supplementary budget: "
                    + "unknown-supplementary-budget or continuing-basis-not-in-force (field supplementaryBudgetId).")
    @ApiResponse(responseCode = "201", description = "Recorded with its share lines", useReturnTypeSchema = true,
            headers = @Header(name = "Location", description = "The 継続費", schema = @Schema(type = "string", format = "uri")))
    @PostMapping("/api/continuing-expenses")
    ResponseEntity<ContinuingExpenseRecorded> register(@Valid @RequestBody ContinuingExpenseRequest body, HttpServletRequest request, HttpServletResponse response) {
        user.requireDepartment(body.department());
        if (body.basis() != null && !"initial".equals(body.basis())) {
            throw new InvalidValueException("basis", "must be initial (当初予算); name a supplementary budget with supplementaryBudgetId");
        }
        if (body.basis() != null && body.supplementaryBudgetId() != null) {
            throw new InvalidValueException("basis", "give basis initial or a supplementaryBudgetId, not both");
        }
        Classification classification = ClassificationRequests.classification("", body.accountCode(), body.accountName(),
                body.side() == null ? Side.EXPENDITURE.code() : body.side(), body.subject(), body.departmentCode());
        if (classification.side() != Side.EXPENDITURE) {
            throw new InvalidValueException("side", "a 継続費 is of the 歳出 side (expenditure)");
        }
        Category category = InitiativeController.category("", body.categoryCode(), body.categoryName(), true, "must not be blank");
        List<AnnualShare> shares = body.shares().stream().map(s -> new AnnualShare(FiscalYear.of(s.fiscalYear()), Money.ofYen(s.amountYen()),
                InitiativeId.generate())).toList();
        ContinuingExpenseId id = ContinuingExpenseId.generate();
        RegisterContinuingExpense command = new RegisterContinuingExpense(id, FiscalYear.of(body.fiscalYear()), body.name(),
                Department.of(body.department()), category, classification, Money.ofYen(body.totalYen()), shares, body.supplementaryBudgetId(),
                new ChangeContext(body.effectiveDate(), body.reason(), body.reference(), body.partOfSet()));
        Requester requester = context.requester(request, response);
        Recorded<Long> recorded = RequestFields.CONTINUING_EXPENSE.call(() -> commands.change(command, id.value(), requester));
        List<ShareLine> lines = shares.stream().map(s -> new ShareLine(s.fiscalYear().value(), s.initiativeId().value(), s.amount().yen()))
                .toList();
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id.value()).toUri())
                .body(new ContinuingExpenseRecorded(id.value(), body.fiscalYear(), shares.get(shares.size() - 1).fiscalYear().value(), body.totalYen(), lines,
                        recorded.version(), recorded.position()));
    }

    @JsonIgnoreProperties(value = "actor")
    record CarryForwardRequest(@NotNull Integer fromYear, @NotNull @Positive Long amountYen, @NotBlank @Size(max = 1000) String reason,
                               @Size(max = 200) String reference, @Schema(description = ApiDocumentation.PART_OF_SET) Boolean partOfSet) {
    }

    record CarriedForward(String id, int fromYear, int toYear, long amountYen, long version, long position) {
    }

    @Operation(summary = "Carry an unused share into the next year (逓次繰越, 施行令第145条第1項)",
            description = "The share line of fromYear + 1 grows by amountYen from its 1 April (an amendment caused by the 継続費, outside that "
                    + "year's 当初: stage=initial leaves it out); fromYear's own line is not reduced. Not from the last year of the period "
                    + "or from a year outside it (422 continuing-carry-from-last-year, field fromYear); at most the share of fromYear plus "
                    + "what was carried into it minus what was already carried out of it (409 continuing-carry-exceeds-unused, field "
                    + "amountYen). Recorded for fromYear: allowed after fromYear ended, until it is closed.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @PostMapping("/api/continuing-expenses/{id}/carry-forward")
    ResponseEntity<CarriedForward> carryForward(@PathVariable String id, @Valid @RequestBody CarryForwardRequest body,
                                                HttpServletRequest request, HttpServletResponse response) {
        ContinuingExpenseId expense = ContinuingExpenseId.of(id);
        CarryForwardContinuingExpense command = new CarryForwardContinuingExpense(expense, FiscalYear.of(body.fromYear()),
                Money.ofYen(body.amountYen()), new ChangeContext(null, body.reason(), body.reference(), body.partOfSet()));
        Requester requester = context.requester(request, response);
        Recorded<Long> recorded;
        try {
            recorded = RequestFields.CONTINUING_EXPENSE.call(() -> commands.change(command, id, requester));
        } catch (RequestFields.RejectedField e) {
            if (ContinuingExpenseException.UNKNOWN.equals(e.violation().rule())) {
                throw new NotFoundException("continuing expense", id);
            }
            throw e;
        }
        return ResponseEntity.status(201).body(new CarriedForward(id, body.fromYear(), body.fromYear() + 1, body.amountYen(),
                recorded.version(), recorded.position()));
    }

    @Operation(summary = "継続費 whose period covers a fiscal year",
            description = "Each with its shares (年割額) per year, what was carried into and out of each, and its 逓次繰越, as recorded up to "
                    + "asOf (default: everything recorded).")
    @GetMapping("/api/continuing-expenses")
    List<ContinuingExpenseView> list(@RequestParam Integer fiscalYear, @RequestParam(required = false) String asOf,
                                     @RequestParam(required = false) Long minPosition) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        consistency.awaitPosition(minPosition);
        return queries.covering(year.value(), MomentParameters.instant("asOf", asOf, true));
    }

    @Operation(summary = "One 継続費", description = "As recorded up to asOf (default: everything recorded).")
    @GetMapping("/api/continuing-expenses/{id}")
    ContinuingExpenseView show(@PathVariable String id, @RequestParam(required = false) String asOf,
                               @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return queries.find(id, MomentParameters.instant("asOf", asOf, true))
                .orElseThrow(() -> new NotFoundException("continuing expense", id));
    }

    @Operation(summary = "継続費調書",
            description = "Every 継続費 whose period covers fiscalYear, as recorded up to asOf: 事業名, 款・項, period, 総額, 年割額 and 逓次繰越 "
                    + "per year, 前年度までの年割額, 当該年度以降の年割額, 残額 (the shares of fiscalYear and later plus what was carried into "
                    + "fiscalYear) and its basis (当初 or 補正第N号). JSON (default) in exact yen; CSV (UTF-8 with BOM), XLSX or PDF (A4) in 千円.")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ContinuingExpenseReports.ContinuingExpenseStatement.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/api/reports/continuing-expenses")
    ResponseEntity<?> report(@RequestParam Integer fiscalYear, @RequestParam(required = false) String asOf,
                             @Parameter(description = "json (default), csv, xlsx or pdf", schema = @Schema(allowableValues = {"json", "csv", "xlsx", "pdf"}, defaultValue = "json"))
                             @RequestParam(defaultValue = "json") String format,
                             @RequestParam(required = false) Long minPosition) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        ReportController.checkFormat(format);
        Instant at = MomentParameters.instant("asOf", asOf, true);
        consistency.awaitPosition(minPosition);
        ContinuingExpenseReports.ContinuingExpenseStatement report = reports.report(year, at);
        if ("json".equals(format)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        int[] widths = new int[12];
        Arrays.fill(widths, 16);
        widths[0] = 30;
        YearStatus.Status status = years.of(year, at);
        return ReportController.subjectReport(years, reports.document(report), status, format, "continuing-expenses-" + year.value(),
                ContinuingExpenseReports.TITLE + "_" + status.title(year.japaneseName()), ContinuingExpenseReports.TITLE, widths);
    }
}
