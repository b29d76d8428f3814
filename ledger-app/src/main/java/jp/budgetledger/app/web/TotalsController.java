package jp.budgetledger.app.web;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.projections.totals.CategoryTotal;
import jp.budgetledger.projections.totals.DepartmentTotal;
import jp.budgetledger.projections.totals.FiscalYearTotal;
import jp.budgetledger.projections.totals.TotalsQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Totals of a fiscal year: overall, per department, per category. Amounts in yen. */
@RestController
@RequestMapping("/api/totals")
class TotalsController {

    private final TotalsQueries queries;
    private final ReadConsistency consistency;

    TotalsController(TotalsQueries queries, ReadConsistency consistency) {
        this.queries = queries;
        this.consistency = consistency;
    }

    @GetMapping
    FiscalYearTotal total(@RequestParam Integer fiscalYear, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return queries.total(FiscalYear.of(fiscalYear).value());
    }

    @GetMapping("/departments")
    List<DepartmentTotal> departments(@RequestParam Integer fiscalYear, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return queries.byDepartment(FiscalYear.of(fiscalYear).value());
    }

    @GetMapping("/categories")
    List<CategoryTotal> categories(@RequestParam Integer fiscalYear, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return queries.byCategory(FiscalYear.of(fiscalYear).value());
    }
}
