package jp.budgetledger.app.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.reports.Stages;
import jp.budgetledger.app.security.CurrentUser;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.EnactSupplementaryBudget;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import jp.budgetledger.core.api.SupplementaryItem;
import jp.budgetledger.projections.budgets.SupplementaryBudgetQueries;
import jp.budgetledger.projections.budgets.SupplementaryBudgetView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Supplementary budgets (補正予算): {@code POST /api/supplementary-budgets} applies all items or
 * none; {@code GET} lists a fiscal year's in order with their totals; {@code GET
 * /api/reports/stages} gives before / change / after per stage, line, department and category.
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

    SupplementaryBudgetController(LedgerCommands commands, RequestContext context, SupplementaryBudgetQueries budgets, Stages stages,
                                  ReadConsistency consistency, CurrentUser user) {
        this.commands = commands;
        this.context = context;
        this.budgets = budgets;
        this.stages = stages;
        this.consistency = consistency;
        this.user = user;
    }

    /**
     * An item: {@code initiativeId} and {@code deltaYen} for an existing line, or the fields of a new line, classified like a
     * line of {@code POST /api/initiatives} (then without a category if need be).
     */
    @JsonIgnoreProperties(value = "actor")
    record Item(String initiativeId, Long deltaYen, Integer fiscalYear, @Size(max = 20) String categoryCode,
                @Size(max = 200) String categoryName, @Size(max = 100) String department, @Size(max = 200) String name,
                @Size(max = 4000) String summary, @PositiveOrZero Long amountYen,
                @Size(max = 20) String accountCode, @Size(max = 200) String accountName, String side,
                @Valid ClassificationRequests.SubjectBody subject, @Size(max = 20) String departmentCode) {
    }

    @JsonIgnoreProperties(value = "actor")
    record BudgetRequest(@NotNull Integer fiscalYear, @NotBlank @Size(max = 200) String name, @Size(max = 200) String reference,
                         @NotNull LocalDate resolvedOn, @Size(max = 1000) String reason, @NotEmpty List<@Valid Item> items,
                         @Schema(description = ApiDocumentation.PART_OF_SET) Boolean partOfSet) {
    }

    record Enacted(String id, int fiscalYear, String name, int items, long deltaYen, List<String> initiativeIds, long position) {
    }

    @Operation(summary = "Enact a supplementary budget (補正予算)",
            description = "All items or none, effective on resolvedOn: each item changes an existing line by deltaYen or adds a new line "
                    + "(classified, on either side, with accountName, side and subject as in POST /api/initiatives). "
                    + "A broken rule on any item (an unknown line included) is 422 and records nothing.")
    @PostMapping("/api/supplementary-budgets")
    @ResponseStatus(HttpStatus.CREATED)
    Enacted enact(@Valid @RequestBody BudgetRequest body, HttpServletRequest request, HttpServletResponse response) {
        FiscalYear year = FiscalYear.of(body.fiscalYear());
        List<SupplementaryItem> items = new ArrayList<>();
        for (int i = 0; i < body.items().size(); i++) {
            SupplementaryItem item = item(year, i, body.items().get(i));
            if (item.isNewLine()) {
                user.requireDepartment(item.newLine().department().name());
            } else {
                user.requireLine(item.initiativeId());
            }
            items.add(item);
        }
        var command = new EnactSupplementaryBudget(SupplementaryBudgetId.generate(), year, body.name(), body.reference(),
                body.resolvedOn(), body.reason(), items, body.partOfSet());
        var recorded = RequestFields.SUPPLEMENTARY_BUDGET.call(() -> commands.enact(command, context.requester(request, response)));
        return new Enacted(command.budgetId().value(), year.value(), command.name(), items.size(), recorded.result().total().yen(),
                items.stream().map(it -> it.initiativeId().value()).toList(), recorded.position());
    }

    private static SupplementaryItem item(FiscalYear year, int index, Item item) {
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
        if (item.fiscalYear() != null && item.fiscalYear() != year.value()) {
            throw new InvalidValueException(prefix + "fiscalYear", "must be the budget's fiscal year " + year.value());
        }
        try {
            return SupplementaryItem.create(InitiativeId.generate(), new SupplementaryItem.NewLine(
                    category, Department.of(item.department()), item.name(), item.summary(), Money.ofYen(item.amountYen()), classification));
        } catch (InvalidValueException e) {
            throw new InvalidValueException(prefix + e.field(), e.reason());
        }
    }

    @Operation(summary = "A fiscal year's supplementary budgets", description = "In order, with their totals.")
    @GetMapping("/api/supplementary-budgets")
    List<SupplementaryBudgetView> list(@RequestParam Integer fiscalYear, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return budgets.ofYear(FiscalYear.of(fiscalYear).value());
    }

    @Operation(summary = "Before, change and after per stage",
            description = "For the initial budget and each supplementary budget: the amounts before, the change and after, per line, department and category.")
    @Tag(name = "reports")
    @GetMapping("/api/reports/stages")
    Stages.Report stages(@RequestParam Integer fiscalYear, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return stages.report(FiscalYear.of(fiscalYear));
    }
}
