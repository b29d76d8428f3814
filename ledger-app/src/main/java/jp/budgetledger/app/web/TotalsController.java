package jp.budgetledger.app.web;

import jp.budgetledger.core.api.FiscalYear;
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

/**
 * Totals of a fiscal year: overall, per department, per category. Amounts in yen. With
 * {@code asOf} and/or {@code effectiveOn} ({@link MomentParameters}) the figures come from the
 * bitemporal read model for that moment.
 */
@RestController
@RequestMapping("/api/totals")
class TotalsController {

    private final TotalsQueries queries;
    private final TemporalQueries temporal;
    private final ReadConsistency consistency;

    TotalsController(TotalsQueries queries, TemporalQueries temporal, ReadConsistency consistency) {
        this.queries = queries;
        this.temporal = temporal;
        this.consistency = consistency;
    }

    @GetMapping
    FiscalYearTotal total(@RequestParam Integer fiscalYear, @RequestParam(required = false) String asOf,
                          @RequestParam(required = false) String effectiveOn, @RequestParam(required = false) Long minPosition) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        var moment = MomentParameters.of(year, asOf, effectiveOn);
        consistency.awaitPosition(minPosition);
        return moment.map(m -> temporal.total(year, m)).orElseGet(() -> queries.total(year.value()));
    }

    @GetMapping("/departments")
    List<DepartmentTotal> departments(@RequestParam Integer fiscalYear, @RequestParam(required = false) String asOf,
                                      @RequestParam(required = false) String effectiveOn,
                                      @RequestParam(required = false) Long minPosition) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        var moment = MomentParameters.of(year, asOf, effectiveOn);
        consistency.awaitPosition(minPosition);
        return moment.map(m -> temporal.byDepartment(year, m)).orElseGet(() -> queries.byDepartment(year.value()));
    }

    @GetMapping("/categories")
    List<CategoryTotal> categories(@RequestParam Integer fiscalYear, @RequestParam(required = false) String asOf,
                                   @RequestParam(required = false) String effectiveOn,
                                   @RequestParam(required = false) Long minPosition) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        var moment = MomentParameters.of(year, asOf, effectiveOn);
        consistency.awaitPosition(minPosition);
        return moment.map(m -> temporal.byCategory(year, m)).orElseGet(() -> queries.byCategory(year.value()));
    }
}
