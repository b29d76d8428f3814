package jp.budgetledger.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.budgetledger.app.reports.Stages;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.projections.temporal.Moment;
import jp.budgetledger.projections.temporal.TemporalQueries;
import jp.budgetledger.projections.totals.CategoryTotal;
import jp.budgetledger.projections.totals.DepartmentTotal;
import jp.budgetledger.projections.totals.FiscalYearTotal;
import jp.budgetledger.projections.totals.TotalsQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/**
 * Totals of a fiscal year: overall, per department, per category. Amounts in yen. With
 * {@code asOf} and/or {@code effectiveOn} ({@link MomentParameters}) the figures come from the
 * bitemporal read model for that moment; with {@code stage} ({@code initial} or a supplementary
 * budget's id), for the moment right after that stage.
 */
@RestController
@Tag(name = "totals")
@RequestMapping("/api/totals")
class TotalsController {

    private final TotalsQueries queries;
    private final TemporalQueries temporal;
    private final ReadConsistency consistency;
    private final Stages stages;

    TotalsController(TotalsQueries queries, TemporalQueries temporal, ReadConsistency consistency, Stages stages) {
        this.queries = queries;
        this.temporal = temporal;
        this.consistency = consistency;
        this.stages = stages;
    }

    /** {@code stage} (initial, or a supplementary budget's id) names the moment right after that stage. */
    private Optional<Moment> moment(FiscalYear year, String asOf, String effectiveOn, String stage) {
        if (stage != null && !stage.isBlank()) {
            if (asOf != null) {
                throw new InvalidValueException("stage", "give either stage or asOf, not both");
            }
            Moment after = stages.moment(year, stage.strip());
            return Optional.of(effectiveOn == null ? after
                    : new Moment(MomentParameters.of(year, null, effectiveOn).orElseThrow().effectiveOn(), after.asOf()));
        }
        return MomentParameters.of(year, asOf, effectiveOn);
    }

    @Operation(summary = "A fiscal year's total",
            description = "The total in yen and the number of lines; for a moment with asOf and/or effectiveOn, or after a stage (initial or a "
                    + "supplementary budget's id).")
    @GetMapping
    FiscalYearTotal total(@RequestParam Integer fiscalYear, @RequestParam(required = false) String asOf,
                          @RequestParam(required = false) String effectiveOn,
                          @RequestParam(required = false) String stage,
                          @RequestParam(required = false) Long minPosition) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        consistency.awaitPosition(minPosition);
        var moment = moment(year, asOf, effectiveOn, stage);
        return moment.map(m -> temporal.total(year, m)).orElseGet(() -> queries.total(year.value()));
    }

    @Operation(summary = "Totals per department", description = "As the total, per department.")
    @GetMapping("/departments")
    List<DepartmentTotal> departments(@RequestParam Integer fiscalYear, @RequestParam(required = false) String asOf,
                                      @RequestParam(required = false) String effectiveOn,
                                      @RequestParam(required = false) String stage,
                                      @RequestParam(required = false) Long minPosition) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        consistency.awaitPosition(minPosition);
        var moment = moment(year, asOf, effectiveOn, stage);
        return moment.map(m -> temporal.byDepartment(year, m)).orElseGet(() -> queries.byDepartment(year.value()));
    }

    @Operation(summary = "Totals per category", description = "As the total, per category.")
    @GetMapping("/categories")
    List<CategoryTotal> categories(@RequestParam Integer fiscalYear, @RequestParam(required = false) String asOf,
                                   @RequestParam(required = false) String effectiveOn,
                                   @RequestParam(required = false) String stage,
                                   @RequestParam(required = false) Long minPosition) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        consistency.awaitPosition(minPosition);
        var moment = moment(year, asOf, effectiveOn, stage);
        return moment.map(m -> temporal.byCategory(year, m)).orElseGet(() -> queries.byCategory(year.value()));
    }
}
