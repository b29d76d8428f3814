package jp.budgetledger.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.budgetledger.app.reports.Stages;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.projections.temporal.LineFilter;
import jp.budgetledger.projections.temporal.Moment;
import jp.budgetledger.projections.temporal.SubjectTree;
import jp.budgetledger.projections.temporal.TemporalQueries;
import jp.budgetledger.projections.totals.CategoryTotal;
import jp.budgetledger.projections.totals.DepartmentTotal;
import jp.budgetledger.projections.totals.FiscalYearTotal;
import jp.budgetledger.projections.totals.TotalsQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Totals of a fiscal year: overall, per department, per category, at every node of the 会計 › side ›
 * 科目 tree, per level of the tree, and the balance of each 会計. Amounts in yen. With
 * {@code asOf} and/or {@code effectiveOn} ({@link MomentParameters}) the figures come from the
 * bitemporal read model for that moment; with {@code stage} ({@code initial} or the id of a supplementary
 * budget in force), for the moment right after that stage; with {@code stage=proposed}, the current budget as if every
 * submitted bill passed.
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

    private Optional<Moment> moment(FiscalYear year, String asOf, String effectiveOn, String stage) {
        return MomentParameters.of(year, asOf, effectiveOn, stage, stages);
    }

    @Operation(summary = "A fiscal year's total",
            description = "The total in yen and the number of lines; for a moment with asOf and/or effectiveOn, or after a stage (initial or a "
                    + "supplementary budget's id), or with stage=proposed as if every submitted bill (補正予算案) passed.")
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

    @Operation(summary = "Totals per department",
            description = "As the total, per department; with account (a 会計's code, or the name of one without a code) and/or side "
                    + "(expenditure or revenue), of that 会計's or side's lines only.")
    @GetMapping("/departments")
    List<DepartmentTotal> departments(@RequestParam Integer fiscalYear, @RequestParam(required = false) String asOf,
                                      @RequestParam(required = false) String effectiveOn,
                                      @RequestParam(required = false) String stage,
                                      @RequestParam(required = false) Long minPosition,
                                      @RequestParam(required = false) String account,
                                      @RequestParam(required = false) String side) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        LineFilter filter = filter(account, side);
        consistency.awaitPosition(minPosition);
        var moment = moment(year, asOf, effectiveOn, stage, filter);
        return moment.map(m -> temporal.byDepartment(year, m, filter)).orElseGet(() -> queries.byDepartment(year.value()));
    }

    @Operation(summary = "Totals per category",
            description = "As the total, per category (lines without a category are in none); account and side filter as for the "
                    + "department totals.")
    @GetMapping("/categories")
    List<CategoryTotal> categories(@RequestParam Integer fiscalYear, @RequestParam(required = false) String asOf,
                                   @RequestParam(required = false) String effectiveOn,
                                   @RequestParam(required = false) String stage,
                                   @RequestParam(required = false) Long minPosition,
                                   @RequestParam(required = false) String account,
                                   @RequestParam(required = false) String side) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        LineFilter filter = filter(account, side);
        consistency.awaitPosition(minPosition);
        var moment = moment(year, asOf, effectiveOn, stage, filter);
        return moment.map(m -> temporal.byCategory(year, m, filter)).orElseGet(() -> queries.byCategory(year.value()));
    }

    @Operation(summary = "Totals at every node of the budget's structure",
            description = "The tree 会計 (level account) › side (歳入 revenue / 歳出 expenditure) › 款 kan › 項 kou › 目 moku › 事業 jigyou › "
                    + "節 setsu › 細節 saisetsu, each node with its total in yen and its number of lines, down to depth (default moku). "
                    + "The lines without a classification form one account node 未分類 without a code, so that the tree's total is the "
                    + "year's; a filter by account or side leaves it out. Nodes are ordered by code (numeric codes in numeric order), "
                    + "then name. Moments and stages as for the total; without one, the current budget.")
    @GetMapping("/tree")
    List<SubjectTree.Node> tree(@RequestParam Integer fiscalYear, @RequestParam(required = false) String asOf,
                                @RequestParam(required = false) String effectiveOn,
                                @RequestParam(required = false) String stage,
                                @RequestParam(required = false) Long minPosition,
                                @RequestParam(required = false) String account,
                                @RequestParam(required = false) String side,
                                @Parameter(description = "the deepest level shown",
                                        schema = @Schema(allowableValues = {"account", "side", "kan", "kou", "moku", "jigyou", "setsu",
                                                "saisetsu"}, defaultValue = "moku"))
                                @RequestParam(required = false) String depth) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        LineFilter filter = filter(account, side);
        SubjectTree.Depth until = SubjectTree.Depth.parse("depth", depth, SubjectTree.Depth.MOKU);
        consistency.awaitPosition(minPosition);
        return SubjectTree.tree(temporal.paths(year, momentOrNow(year, asOf, effectiveOn, stage), filter), until);
    }

    @Operation(summary = "Totals per 款, 項, 目 or 節",
            description = "The nodes of one level of the tree as a flat list, each with the names of its path from the 会計 down "
                    + "(e.g. 一般会計, 歳出, 総務費, 総務管理費); filters, moments and stages as for the tree.")
    @GetMapping("/subjects")
    List<SubjectTree.Item> subjects(@RequestParam Integer fiscalYear, @RequestParam(required = false) String asOf,
                                    @RequestParam(required = false) String effectiveOn,
                                    @RequestParam(required = false) String stage,
                                    @RequestParam(required = false) Long minPosition,
                                    @RequestParam(required = false) String account,
                                    @RequestParam(required = false) String side,
                                    @Parameter(description = "the level listed",
                                            schema = @Schema(allowableValues = {"kan", "kou", "moku", "jigyou", "setsu", "saisetsu"},
                                                    defaultValue = "kan"))
                                    @RequestParam(required = false) String level) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        LineFilter filter = filter(account, side);
        SubjectTree.Depth at = SubjectTree.Depth.parse("level", level, SubjectTree.Depth.KAN);
        if (at.ordinal() < SubjectTree.Depth.KAN.ordinal()) {
            throw new InvalidValueException("level", "must be one of kan, kou, moku, jigyou, setsu, saisetsu");
        }
        consistency.awaitPosition(minPosition);
        return SubjectTree.items(temporal.paths(year, momentOrNow(year, asOf, effectiveOn, stage), filter), at);
    }

    @Operation(summary = "The balance of each 会計",
            description = "Per 会計: its 歳入 total, its 歳出 total and the difference (revenue less expenditure), in yen; the lines "
                    + "without a classification are in no 会計. Moments and stages as for the total.")
    @GetMapping("/balance")
    List<SubjectTree.Balance> balance(@RequestParam Integer fiscalYear, @RequestParam(required = false) String asOf,
                                      @RequestParam(required = false) String effectiveOn,
                                      @RequestParam(required = false) String stage,
                                      @RequestParam(required = false) Long minPosition) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        consistency.awaitPosition(minPosition);
        return SubjectTree.balances(temporal.paths(year, momentOrNow(year, asOf, effectiveOn, stage), LineFilter.ALL));
    }

    /** The moment asked for; without one, for a filter by 会計 or side (which the current totals do not keep), the current budget. */
    private Optional<Moment> moment(FiscalYear year, String asOf, String effectiveOn, String stage, LineFilter filter) {
        var moment = moment(year, asOf, effectiveOn, stage);
        return moment.isEmpty() && !filter.isAll() ? Optional.of(current(year)) : moment;
    }

    private Moment momentOrNow(FiscalYear year, String asOf, String effectiveOn, String stage) {
        return moment(year, asOf, effectiveOn, stage).orElseGet(() -> current(year));
    }

    /** The budget with every change recorded so far, as the totals without a moment give it. */
    private static Moment current(FiscalYear year) {
        return Moment.endOf(year, Instant.now());
    }

    private static LineFilter filter(String account, String side) {
        return new LineFilter(account, side == null || side.isBlank() ? null : Side.parse(side));
    }
}
