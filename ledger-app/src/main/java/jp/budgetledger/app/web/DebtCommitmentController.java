package jp.budgetledger.app.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.reports.YearStatus;
import jp.budgetledger.app.reports.DebtCommitmentReports;
import jp.budgetledger.app.security.CurrentUser;
import jp.budgetledger.core.api.AbolishDebtCommitment;
import jp.budgetledger.core.api.AmendDebtCommitment;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.DebtCommitmentId;
import jp.budgetledger.core.api.DebtLimit;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.SetDebtCommitment;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import jp.budgetledger.projections.debt.DebtCommitmentQueries;
import jp.budgetledger.projections.debt.DebtCommitmentView;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * 債務負担行為 (地方自治法 第214条, 第3表): {@code POST /api/debt-commitments} sets one in a year's budget, {@code POST
 * …/{id}/amendments} and {@code …/{id}/abolitions} amend or abolish it by a supplementary budget in force of that year;
 * {@code GET} lists those binding a fiscal year with their history; {@code GET /api/reports/debt-commitments} is the
 * 債務負担行為調書. They are commitments: no total, balance or stage includes them.
 */
@RestController
@Tag(name = "debt commitments")
class DebtCommitmentController {

    private static final String BASIS = "Absent or initial for the 当初予算; otherwise give supplementaryBudgetId, a supplementary budget "
            + "of the same fiscal year in force";

    private final LedgerCommands commands;
    private final RequestContext context;
    private final DebtCommitmentQueries commitments;
    private final DebtCommitmentReports reports;
    private final ReadConsistency consistency;
    private final CurrentUser user;

    private final YearStatus years;

    DebtCommitmentController(LedgerCommands commands, RequestContext context, DebtCommitmentQueries commitments,
                             DebtCommitmentReports reports, ReadConsistency consistency, CurrentUser user, YearStatus years) {
        this.years = years;
        this.commands = commands;
        this.context = context;
        this.commitments = commitments;
        this.reports = reports;
        this.consistency = consistency;
        this.user = user;
    }

    @JsonIgnoreProperties(value = "actor")
    record CommitmentRequest(@NotNull Integer fiscalYear, @NotBlank @Size(max = SetDebtCommitment.MAX_MATTER_LENGTH) String matter,
                             @Size(max = SubjectLevel.MAX_CODE_LENGTH) String accountCode,
                             @NotBlank @Size(max = SubjectLevel.MAX_NAME_LENGTH) String accountName,
                             @Size(max = Department.MAX_LENGTH) String department,
                             @NotNull @Schema(description = "The first fiscal year of the period (not before fiscalYear)") Integer periodFrom,
                             @NotNull @Schema(description = "The last fiscal year of the period (not before periodFrom)") Integer periodTo,
                             @PositiveOrZero @Schema(description = "限度額 in yen; give it, limitText or both") Long limitYen,
                             @Size(max = DebtLimit.MAX_TEXT_LENGTH) @Schema(description = "限度額 as the book prints it in words") String limitText,
                             @Schema(description = BASIS, allowableValues = {"initial"}) String basis,
                             @Size(max = 64) @Schema(description = BASIS) String supplementaryBudgetId,
                             @NotBlank @Size(max = ChangeContext.MAX_REASON_LENGTH) String reason,
                             @Size(max = ChangeContext.MAX_REFERENCE_LENGTH) String reference,
                             @Schema(description = "Default: 1 April of fiscalYear (当初), or the day the supplementary budget came into force")
                             LocalDate effectiveDate) {
    }

    @JsonIgnoreProperties(value = "actor")
    record AmendmentBody(@NotBlank @Size(max = 64) @Schema(description = "The supplementary budget in force, of the fiscal year that set the "
                                 + "commitment, that amends it") String supplementaryBudgetId,
                         @PositiveOrZero Long limitYen, @Size(max = DebtLimit.MAX_TEXT_LENGTH) String limitText,
                         @Schema(description = "The new last fiscal year of the period") Integer periodTo,
                         @NotBlank @Size(max = ChangeContext.MAX_REASON_LENGTH) String reason,
                         @Size(max = ChangeContext.MAX_REFERENCE_LENGTH) String reference, LocalDate effectiveDate) {
    }

    @JsonIgnoreProperties(value = "actor")
    record AbolitionBody(@NotBlank @Size(max = 64) @Schema(description = "The supplementary budget in force, of the fiscal year that set the "
                                 + "commitment, that abolishes it") String supplementaryBudgetId,
                         @NotBlank @Size(max = ChangeContext.MAX_REASON_LENGTH) String reason,
                         @Size(max = ChangeContext.MAX_REFERENCE_LENGTH) String reference, LocalDate effectiveDate) {
    }

    record CommitmentRecorded(String id, int version, long position) {
    }

    @Operation(summary = "Set a 債務負担行為 in a year's budget (第3表)",
            description = "事項 (matter), 会計 (accountCode, accountName), department (optional), period of fiscal years (periodFrom not "
                    + "before fiscalYear, periodTo not before periodFrom) and 限度額 (limitYen and/or limitText; 400 without either), in "
                    + "the 当初予算 or, with supplementaryBudgetId, a supplementary budget of the same year in force: an unknown one is 422 "
                    + "(unknown-supplementary-budget), one of another year 422 (supplementary-budget-of-another-year), one not in force "
                    + "409 (supplementary-budget-not-in-force), each with field supplementaryBudgetId. A commitment is never an amount "
                    + "of a year: no total, balance or stage changes.")
    @ApiResponse(responseCode = "201", description = "Set",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommitmentRecorded.class)))
    @PostMapping("/api/debt-commitments")
    @ResponseStatus(HttpStatus.CREATED)
    CommitmentRecorded set(@Valid @RequestBody CommitmentRequest body, HttpServletRequest request, HttpServletResponse response) {
        if (body.basis() != null && !"initial".equals(body.basis())) {
            throw new InvalidValueException("basis", "must be initial (or absent); give supplementaryBudgetId for a supplementary budget");
        }
        if ("initial".equals(body.basis()) && body.supplementaryBudgetId() != null) {
            throw new InvalidValueException("supplementaryBudgetId", "is not given with basis initial");
        }
        if (body.department() != null && !body.department().isBlank()) {
            user.requireDepartment(body.department());
        }
        DebtCommitmentId id = DebtCommitmentId.generate();
        SetDebtCommitment command = new SetDebtCommitment(id, FiscalYear.of(body.fiscalYear()), body.matter(), account(body),
                body.department() == null || body.department().isBlank() ? null : Department.of(body.department()),
                FiscalYear.of(body.periodFrom()), FiscalYear.of(body.periodTo()), limit(body.limitYen(), body.limitText()),
                budget(body.supplementaryBudgetId()), new ChangeContext(body.effectiveDate(), body.reason(), body.reference()));
        var recorded = RequestFields.DEBT_COMMITMENT.call(() -> commands.change(command, id.value(), context.requester(request, response)));
        return recorded(id.value(), recorded);
    }

    @Operation(summary = "Amend a 債務負担行為 by a supplementary budget",
            description = "A new limitYen, limitText and/or periodTo, by supplementaryBudgetId: a supplementary budget in force of the "
                    + "fiscal year that set the commitment (the same rules and fields as for setting one). What is not given stays; the "
                    + "change is recorded before and after. A period ending before it starts (debt-period-ends-before-start, field "
                    + "periodTo) or an amendment changing nothing (debt-commitment-unchanged) is 422; an abolished commitment 409 "
                    + "(debt-commitment-abolished); an unknown one 404.")
    @ApiResponse(responseCode = "201", description = "Amended",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommitmentRecorded.class)))
    @PostMapping("/api/debt-commitments/{id}/amendments")
    @ResponseStatus(HttpStatus.CREATED)
    CommitmentRecorded amend(@PathVariable String id, @Valid @RequestBody AmendmentBody body, HttpServletRequest request, HttpServletResponse response) {
        DebtCommitmentId commitment = DebtCommitmentId.of(id);
        requireDepartmentOf(id);
        AmendDebtCommitment command = new AmendDebtCommitment(commitment, budget(body.supplementaryBudgetId()),
                body.limitYen() == null ? null : Money.ofYen(body.limitYen()), body.limitText(),
                body.periodTo() == null ? null : FiscalYear.of(body.periodTo()),
                new ChangeContext(body.effectiveDate(), body.reason(), body.reference()));
        return recorded(id, known(id, () -> commands.change(command, id, context.requester(request, response))));
    }

    @Operation(summary = "Abolish (廃止) a 債務負担行為 by a supplementary budget",
            description = "By supplementaryBudgetId, a supplementary budget in force of the fiscal year that set it (rules as for an "
                    + "amendment). Once abolished it leaves the 調書 and is neither amended nor abolished again (debt-commitment-abolished, "
                    + "409); an unknown one is 404.")
    @ApiResponse(responseCode = "201", description = "Abolished",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommitmentRecorded.class)))
    @PostMapping("/api/debt-commitments/{id}/abolitions")
    @ResponseStatus(HttpStatus.CREATED)
    CommitmentRecorded abolish(@PathVariable String id, @Valid @RequestBody AbolitionBody body, HttpServletRequest request,
                     HttpServletResponse response) {
        DebtCommitmentId commitment = DebtCommitmentId.of(id);
        requireDepartmentOf(id);
        AbolishDebtCommitment command = new AbolishDebtCommitment(commitment, budget(body.supplementaryBudgetId()),
                new ChangeContext(body.effectiveDate(), body.reason(), body.reference()));
        return recorded(id, known(id, () -> commands.change(command, id, context.requester(request, response))));
    }

    @Operation(summary = "The 債務負担行為 binding a fiscal year",
            description = "Those set in the year's budget and those set earlier whose period covers the year, abolished ones too (state "
                    + "abolished), in the order recorded, each with its basis (当初 or 補正第N号 and the bill's title) and history. As of a "
                    + "moment with asOf and/or effectiveOn (as for the totals).")
    @GetMapping("/api/debt-commitments")
    List<DebtCommitmentView> list(@RequestParam Integer fiscalYear, @RequestParam(required = false) String account,
                                  @RequestParam(required = false) String asOf, @RequestParam(required = false) String effectiveOn,
                                  @RequestParam(required = false) Long minPosition) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        consistency.awaitPosition(minPosition);
        return commitments.ofYear(year.value(), account, MomentParameters.instant("asOf", asOf, true), date(effectiveOn));
    }

    @Operation(summary = "A 債務負担行為 with its history", description = "As listed; as of a moment with asOf and/or effectiveOn.")
    @GetMapping("/api/debt-commitments/{id}")
    DebtCommitmentView one(@PathVariable String id, @RequestParam(required = false) String asOf,
                           @RequestParam(required = false) String effectiveOn, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return commitments.find(id, MomentParameters.instant("asOf", asOf, true), date(effectiveOn))
                .orElseThrow(() -> new NotFoundException("debt commitment", id));
    }

    @Operation(summary = "債務負担行為調書 (第3表 債務負担行為)",
            description = "Per 会計 (all, or the one account names by code or name), each commitment in force in the fiscal year (set "
                    + "in its budget, or set earlier with a period covering it; abolished ones left out): 事項, 期間 (令和X年度から令和Y年度"
                    + "まで), 限度額 and/or its words, 議決 (当初 or 補正第N号 with the bill's title) and 補正の経過. No totals. JSON (default) "
                    + "in exact yen; CSV (UTF-8 with BOM), XLSX or PDF (A4) in 千円. As of a moment with asOf and/or effectiveOn.")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = jp.budgetledger.app.reports.SubjectReports.Figures.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @Tag(name = "reports")
    @GetMapping("/api/reports/debt-commitments")
    ResponseEntity<?> report(@RequestParam Integer fiscalYear, @RequestParam(required = false) String account,
                             @RequestParam(required = false) String asOf, @RequestParam(required = false) String effectiveOn,
                             @Parameter(description = "json (default), csv, xlsx or pdf", schema = @Schema(allowableValues = {"json", "csv", "xlsx", "pdf"}, defaultValue = "json"))
                             @RequestParam(defaultValue = "json") String format,
                             @RequestParam(required = false) Long minPosition) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        ReportController.checkFormat(format);
        Instant at = MomentParameters.instant("asOf", asOf, true);
        LocalDate on = date(effectiveOn);
        consistency.awaitPosition(minPosition);
        YearStatus.Status status = years.of(year, at);
        return ReportController.subjectReport(years, reports.report(year, account, at, on), status, format, "debt-commitments-" + year.value(),
                DebtCommitmentReports.TITLE + "_" + status.title(year.japaneseName()), DebtCommitmentReports.TITLE, 40, 36, 16, 40, 36, 60);
    }

    private void requireDepartmentOf(String id) {
        commitments.find(id, null, null).map(DebtCommitmentView::department).ifPresent(user::requireDepartment);
    }

    private static CommitmentRecorded recorded(String id, jp.budgetledger.app.command.Recorded<Long> recorded) {
        return new CommitmentRecorded(id, Math.toIntExact(recorded.version()), recorded.position());
    }

    /** Runs a command on an existing commitment: an unknown one is 404. */
    private static <T> T known(String id, Supplier<T> command) {
        try {
            return RequestFields.DEBT_COMMITMENT.call(command);
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("debt commitment", id);
        }
    }

    private static SubjectLevel account(CommitmentRequest body) {
        try {
            return SubjectLevel.of(body.accountCode(), body.accountName());
        } catch (InvalidValueException e) {
            throw new InvalidValueException("code".equals(e.field()) ? "accountCode" : "accountName", e.reason());
        }
    }

    private static DebtLimit limit(Long yen, String text) {
        return DebtLimit.of(yen == null ? null : Money.ofYen(yen), text);
    }

    private static SupplementaryBudgetId budget(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return SupplementaryBudgetId.of(id);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("supplementaryBudgetId", e.reason());
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return MomentParameters.day("effectiveOn", text.strip());
    }
}
