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
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jp.budgetledger.app.limits.RequestLimits;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.reports.Stages;
import jp.budgetledger.app.security.CurrentUser;
import jp.budgetledger.core.api.AssemblyReportOutcome;
import jp.budgetledger.core.api.BillProcedure;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.DecideSupplementaryBudgetBySenketsu;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.EnactSupplementaryBudget;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.ReportSenketsuToAssembly;
import jp.budgetledger.core.api.ResolutionOutcome;
import jp.budgetledger.core.api.ResolveSupplementaryBudget;
import jp.budgetledger.core.api.SubmitSupplementaryBudget;
import jp.budgetledger.core.api.SupplementaryBill;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import jp.budgetledger.core.api.SupplementaryItem;
import jp.budgetledger.core.domain.UnknownSupplementaryBudgetException;
import jp.budgetledger.projections.budgets.SupplementaryBudgetQueries;
import jp.budgetledger.projections.budgets.SupplementaryBudgetView;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Supplementary budgets (補正予算) as bills: {@code POST /api/supplementary-budgets} enacts (all items or none), submits to the
 * assembly or records a 専決処分; {@code POST …/{id}/resolutions} records the assembly's resolution and {@code POST
 * …/{id}/assembly-reports} its 承認 or 不承認 of a 専決処分; {@code GET} lists a fiscal year's in order with their totals and
 * states; {@code GET /api/reports/stages} gives before / change / after per stage in force, line, department and category.
 */
@RestController
@Tag(name = "supplementary budgets")
class SupplementaryBudgetController {

    private final LedgerCommands commands;
    private final RequestContext context;
    private final SupplementaryBudgetQueries budgets;
    private final Stages stages;
    private final ReadConsistency consistency;
    private final CurrentUser user;
    private final Approvals approvals;
    private final RequestLimits limits;

    SupplementaryBudgetController(LedgerCommands commands, RequestContext context, SupplementaryBudgetQueries budgets, Stages stages,
                                  ReadConsistency consistency, CurrentUser user, Approvals approvals, RequestLimits limits) {
        this.limits = limits;
        this.approvals = approvals;
        this.commands = commands;
        this.context = context;
        this.budgets = budgets;
        this.stages = stages;
        this.consistency = consistency;
        this.user = user;
    }

    /**
     * An item: {@code initiativeId} and {@code deltaYen} for an existing line, or the fields of a new line, classified like a
     * line of {@code POST /api/initiatives} (then without a category if need be); either with an optional {@code carryoverLimitYen}.
     */
    @JsonIgnoreProperties(value = "actor")
    record Item(String initiativeId, Long deltaYen, Integer fiscalYear, @Size(max = 20) String categoryCode,
                @Size(max = 200) String categoryName, @Size(max = 100) String department, @Size(max = 200) String name,
                @Size(max = 4000) String summary, @PositiveOrZero Long amountYen,
                @Size(max = 20) String accountCode, @Size(max = 200) String accountName, String side,
                @Valid ClassificationRequests.SubjectBody subject, @Size(max = 20) String departmentCode,
                @PositiveOrZero @Schema(description = "The line's 繰越明許費 limit (第2表) set by this budget once in force (optional; a "
                        + "change or a new line): at most the line's amount after the item") Long carryoverLimitYen) {
    }

    @JsonIgnoreProperties(value = "actor")
    record BudgetRequest(@NotNull Integer fiscalYear, @NotBlank @Size(max = 200) String name, @Size(max = 200) String reference,
                         @Schema(description = "The day the assembly resolved it (without procedure, or with procedure assembly: a bill "
                                 + "submitted and passed at once); absent to submit a bill") LocalDate resolvedOn,
                         @Size(max = 1000) String reason, @NotEmpty List<@Valid Item> items,
                         @Schema(description = ApiDocumentation.PART_OF_SET) Boolean partOfSet,
                         @Schema(description = "assembly (a bill for the assembly; without resolvedOn it is submitted, awaiting its "
                                 + "resolution) or senketsu (専決処分, in force from decidedOn)", allowableValues = {"assembly", "senketsu"})
                         String procedure,
                         @Schema(description = "The day the bill is submitted to the assembly (procedure assembly without resolvedOn)")
                         LocalDate submittedOn,
                         @Schema(description = "The day of the 専決処分 (procedure senketsu)") LocalDate decidedOn,
                         @Schema(description = "議案番号, e.g. 議案第50号") @Size(max = 100) String billNumber) {
    }

    record Enacted(String id, int fiscalYear, String name, int items, long deltaYen, List<String> initiativeIds, long position,
                   String procedure, String state, int number, String title, String billNumber) {
    }

    @Operation(summary = "Enact, submit or decide by 専決処分 a supplementary budget (補正予算)",
            description = "Each item changes an existing line by deltaYen or adds a new line (classified, on either side, with "
                    + "accountName, side and subject as in POST /api/initiatives); all items are in one 会計 (or all without one), "
                    + "whose series of the fiscal year numbers the bill (第1号, 第2号 … in order of submission). With resolvedOn "
                    + "(and no procedure, or procedure assembly) all items or none are in force from resolvedOn; with procedure "
                    + "assembly and no resolvedOn the bill is submitted on submittedOn (state submitted), nothing in force until "
                    + "POST /api/supplementary-budgets/{id}/resolutions; with procedure senketsu (専決処分) all items are in force "
                    + "from decidedOn. An item's carryoverLimitYen sets its line's 繰越明許費 (第2表) with this budget as its basis once in "
                    + "force (as PUT /api/initiatives/{id}/carryover-limit checks one, against the line's amount after the item). "
                    + "A broken rule on any item (an unknown line included), items in two 会計 "
                    + "(bill-across-accounts) or a 会計 left unbalanced (unbalanced-account) is 422 and records nothing. "
                    + "When bill submissions or 専決処分 need four-eyes approval (ledger.approval.required-for; by default they do), "
                    + "the checked bill is recorded as a draft instead and answered 202 with its id and state pending; it is "
                    + "submitted or decided once approved (/api/approvals). A bill already passed (resolvedOn) needs none.")
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Enacted.class)))
    @ApiResponse(responseCode = "202", description = "Recorded as a draft that waits for approval",
            headers = @Header(name = "Location", description = "The draft", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Approvals.Drafted.class)))
    @PostMapping("/api/supplementary-budgets")
    ResponseEntity<Object> enact(@Valid @RequestBody BudgetRequest body, HttpServletRequest request, HttpServletResponse response) {
        FiscalYear year = FiscalYear.of(body.fiscalYear());
        BillProcedure procedure = body.procedure() == null ? null : BillProcedure.parse(body.procedure());
        List<SupplementaryItem> items = items(year, body.items());
        SupplementaryBudgetId id = SupplementaryBudgetId.generate();
        List<String> ids = items.stream().map(it -> it.initiativeId().value()).toList();
        var requester = context.requester(request, response);
        if (procedure == BillProcedure.SENKETSU) {
            requireDate("decidedOn", body.decidedOn(), "is required for a 専決処分 (procedure senketsu)");
            refuseDate("resolvedOn", body.resolvedOn(), "a 専決処分 is decided on decidedOn, not resolved");
            var command = new DecideSupplementaryBudgetBySenketsu(bill(id, year, body, items), body.decidedOn());
            return RequestFields.SUPPLEMENTARY_BUDGET.call(() -> approvals.submit(command, requester, () -> {
                var recorded = commands.decide(command, requester);
                return enacted(recorded.result(), ids, recorded.position(), SupplementaryBudgetView.SENKETSU);
            }));
        }
        refuseDate("decidedOn", body.decidedOn(), "is given only with procedure senketsu");
        if (body.resolvedOn() == null) {
            if (procedure == null) {
                throw new InvalidValueException("resolvedOn", "is required (or give procedure assembly and submittedOn to submit a bill)");
            }
            requireDate("submittedOn", body.submittedOn(), "is required to submit a bill (procedure assembly without resolvedOn)");
            var command = new SubmitSupplementaryBudget(bill(id, year, body, items), body.submittedOn());
            return RequestFields.SUPPLEMENTARY_BUDGET.call(() -> approvals.submit(command, requester, () -> {
                var recorded = commands.submit(command, requester);
                var submitted = recorded.result();
                long delta = items.stream().mapToLong(it -> it.addsLine() ? it.newLine().amount().yen() : it.delta().yen()).sum();
                return new Enacted(id.value(), year.value(), command.bill().name(), items.size(), delta, ids, recorded.position(),
                        BillProcedure.ASSEMBLY.code(), SupplementaryBudgetView.SUBMITTED, submitted.number(), submitted.title(),
                        submitted.billNumber());
            }));
        }
        var command = new EnactSupplementaryBudget(id, year, body.name(), body.reference(), body.resolvedOn(), body.reason(), items,
                body.partOfSet(), body.billNumber());
        var recorded = RequestFields.SUPPLEMENTARY_BUDGET.call(() -> commands.enact(command, requester));
        return ResponseEntity.status(HttpStatus.CREATED).body(enacted(recorded.result(), ids, recorded.position(), "passed"));
    }

    private static SupplementaryBill bill(SupplementaryBudgetId id, FiscalYear year, BudgetRequest body, List<SupplementaryItem> items) {
        return new SupplementaryBill(id, year, body.name(), body.reference(), body.billNumber(), body.reason(), items, body.partOfSet());
    }

    private static Enacted enacted(SupplementaryBudgetEnacted enacted, List<String> ids, long position, String state) {
        return new Enacted(enacted.budgetId().value(), enacted.fiscalYear().value(), enacted.name(), enacted.items().size(),
                enacted.total().yen(), ids, position, enacted.procedureOrAssembly().code(), state, enacted.number(), enacted.title(),
                enacted.billNumber());
    }

    private static void requireDate(String field, LocalDate date, String reason) {
        if (date == null) {
            throw new InvalidValueException(field, reason);
        }
    }

    private static void refuseDate(String field, LocalDate date, String reason) {
        if (date != null) {
            throw new InvalidValueException(field, reason);
        }
    }

    /** The items of a request of {@code year} (null when not known yet), each line checked against the user's departments. */
    private List<SupplementaryItem> items(FiscalYear year, List<Item> requested) {
        RequestLimits.requireAtMost("items", requested, limits.maxBillItems());
        List<SupplementaryItem> items = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            SupplementaryItem item = item(year, i, requested.get(i));
            if (item.addsLine()) {
                user.requireDepartment(item.newLine().department().name());
            } else {
                user.requireLine(item.initiativeId());
            }
            items.add(item);
        }
        return items;
    }

    @JsonIgnoreProperties(value = "actor")
    record ResolutionRequest(@NotNull @Schema(allowableValues = {"passed", "amended", "rejected"}) String outcome,
                             @NotNull LocalDate resolvedOn, @Size(max = 1000) String reason,
                             @Schema(description = "With outcome amended (修正可決): the items the assembly put in force instead, as in "
                                     + "POST /api/supplementary-budgets") List<@Valid Item> items) {
    }

    record Resolved(String id, String outcome, String state, LocalDate resolvedOn, long position) {
    }

    @Operation(summary = "Record the assembly's resolution of a submitted bill",
            description = "passed (原案可決): its items are in force from resolvedOn; amended (修正可決): the given items are in force "
                    + "instead, both versions kept; rejected (否決): no total changes. Only a submitted bill is resolved, once "
                    + "(bill-not-submitted, 409 otherwise); an unknown budget is 404.")
    @PostMapping("/api/supplementary-budgets/{id}/resolutions")
    @ResponseStatus(HttpStatus.CREATED)
    Resolved resolve(@PathVariable String id, @Valid @RequestBody ResolutionRequest body, HttpServletRequest request,
                     HttpServletResponse response) {
        SupplementaryBudgetId budgetId = SupplementaryBudgetId.of(id);
        ResolutionOutcome outcome = ResolutionOutcome.parse(body.outcome());
        List<SupplementaryItem> items = null;
        if (body.items() != null && !body.items().isEmpty()) {
            items = items(budgets.find(id).map(b -> FiscalYear.of(b.fiscalYear())).orElse(null), body.items());
        }
        var command = new ResolveSupplementaryBudget(budgetId, outcome, body.resolvedOn(), body.reason(), items);
        var recorded = known(id, () -> RequestFields.SUPPLEMENTARY_BUDGET.call(
                () -> commands.budgetChange(command, budgetId, context.requester(request, response))));
        return new Resolved(id, outcome.code(), outcome.code(), body.resolvedOn(), recorded.position());
    }

    @JsonIgnoreProperties(value = "actor")
    record AssemblyReportRequest(@NotNull @Schema(allowableValues = {"approved", "disapproved"}) String outcome, @NotNull LocalDate on,
                                 @Size(max = 1000) String reason) {
    }

    record Reported(String id, String outcome, LocalDate on, long position) {
    }

    @Operation(summary = "Record the assembly's 承認 or 不承認 of a 専決処分",
            description = "Once per 専決処分 (assembly-already-reported, 409); 不承認 (disapproved) does not undo it, the budget stays in "
                    + "force and shows the report. A budget not decided by 専決処分 is 409 (not-senketsu); an unknown one 404.")
    @PostMapping("/api/supplementary-budgets/{id}/assembly-reports")
    @ResponseStatus(HttpStatus.CREATED)
    Reported report(@PathVariable String id, @Valid @RequestBody AssemblyReportRequest body, HttpServletRequest request,
                    HttpServletResponse response) {
        SupplementaryBudgetId budgetId = SupplementaryBudgetId.of(id);
        var command = new ReportSenketsuToAssembly(budgetId, AssemblyReportOutcome.parse(body.outcome()), body.on(), body.reason());
        var recorded = known(id, () -> commands.budgetChange(command, budgetId, context.requester(request, response)));
        return new Reported(id, command.outcome().code(), body.on(), recorded.position());
    }

    /** Runs a command on an existing supplementary budget: an unknown one is 404. */
    private static <T> T known(String id, java.util.function.Supplier<T> command) {
        try {
            return command.get();
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("supplementary budget", id);
        } catch (RequestFields.RejectedField e) {
            if (e.violation() instanceof UnknownSupplementaryBudgetException) {
                throw new NotFoundException("supplementary budget", id);
            }
            throw e;
        }
    }

    @Operation(summary = "A supplementary budget", description = "As listed, with its items as submitted and as amended.")
    @GetMapping("/api/supplementary-budgets/{id}")
    SupplementaryBudgetView one(@PathVariable String id, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return budgets.find(id).orElseThrow(() -> new NotFoundException("supplementary budget", id));
    }

    private static SupplementaryItem item(FiscalYear year, int index, Item item) {
        SupplementaryItem parsed = parsedItem(year, index, item);
        return item.carryoverLimitYen() == null ? parsed : parsed.withCarryoverLimit(Money.ofYen(item.carryoverLimitYen()));
    }

    private static SupplementaryItem parsedItem(FiscalYear year, int index, Item item) {
        String prefix = "items[" + index + "].";
        if (item.initiativeId() != null) {
            if (item.deltaYen() == null) {
                throw new InvalidValueException(prefix + "deltaYen", "is required with initiativeId");
            }
            if (item.name() != null || item.amountYen() != null || item.accountName() != null || item.subject() != null) {
                throw new InvalidValueException(prefix + "initiativeId", "an item changes an existing line or adds a new one, not both");
            }
            return SupplementaryItem.change(InitiativeId.of(item.initiativeId()), Money.ofYen(item.deltaYen()));
        }
        Classification classification = ClassificationRequests.classification(prefix, item.accountCode(), item.accountName(), item.side(),
                item.subject(), item.departmentCode());
        Category category = InitiativeController.category(prefix, item.categoryCode(), item.categoryName(), classification != null,
                "is required for a new line (or give initiativeId and deltaYen)");
        for (String[] required : new String[][]{{"department", item.department()}, {"name", item.name()}}) {
            if (required[1] == null || required[1].isBlank()) {
                throw new InvalidValueException(prefix + required[0], "is required for a new line (or give initiativeId and deltaYen)");
            }
        }
        if (item.amountYen() == null) {
            throw new InvalidValueException(prefix + "amountYen", "is required for a new line");
        }
        if (year != null && item.fiscalYear() != null && item.fiscalYear() != year.value()) {
            throw new InvalidValueException(prefix + "fiscalYear", "must be the budget's fiscal year " + year.value());
        }
        try {
            return SupplementaryItem.create(InitiativeId.generate(), new SupplementaryItem.NewLine(
                    category, Department.of(item.department()), item.name(), item.summary(), Money.ofYen(item.amountYen()), classification));
        } catch (InvalidValueException e) {
            throw new InvalidValueException(prefix + e.field(), e.reason());
        }
    }

    @Operation(summary = "A fiscal year's supplementary budgets",
            description = "In the order first recorded, with their totals, procedure, state (submitted, passed, amended, rejected, "
                    + "senketsu), number and title in their 会計's series, 議案番号, dates, the assembly's report of a 専決処分, and their "
                    + "items as submitted and as amended.")
    @GetMapping("/api/supplementary-budgets")
    List<SupplementaryBudgetView> list(@RequestParam Integer fiscalYear, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return budgets.ofYear(FiscalYear.of(fiscalYear).value());
    }

    @Operation(summary = "Before, change and after per stage",
            description = "For the initial budget and each supplementary budget in force, in the order they came into force: the "
                    + "amounts before, the change and after, per line, department and category.")
    @Tag(name = "reports")
    @GetMapping("/api/reports/stages")
    Stages.Report stages(@RequestParam Integer fiscalYear, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return stages.report(FiscalYear.of(fiscalYear));
    }
}
