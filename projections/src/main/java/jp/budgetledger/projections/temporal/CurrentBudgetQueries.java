package jp.budgetledger.projections.temporal;

import jp.budgetledger.core.api.ChangeCause;
import jp.budgetledger.core.api.FiscalYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 予算現額 of a fiscal year at a {@link Moment}: the lines in force then ({@code line_state}, as
 * the totals count them) with the changes of their amount in force and recorded by then
 * ({@code line_movement}, {@link MovementProjection}) summed by column: 当初 (the addition of a line
 * not added by a supplementary budget, plain amendments and their corrections), each supplementary
 * budget (its amendments and the lines it added), 予備費充用, 流用 and 前年度繰越 (the addition of a line carried from the year
 * before). A withdrawn line is in no column
 * from its withdrawal, as it is in no total.
 */
@Component
public class CurrentBudgetQueries {

    private static final String FIGURES = """
            WITH s AS (SELECT initiative_id, name, line_order, %1$s FROM line_state
                       WHERE fiscal_year = ? AND recorded @> ?::timestamptz AND effective @> ?::date%2$s)
            SELECT s.initiative_id, s.name, s.line_order, m.col, m.budget, m.yen, %3$s
            FROM s LEFT JOIN LATERAL (
                SELECT CASE WHEN mv.kind = '%4$s' OR n.budget_id IS NOT NULL THEN 'S'
                            WHEN mv.kind = '%5$s' THEN 'R'
                            WHEN mv.kind = '%6$s' THEN 'T'
                            WHEN mv.kind = '%8$s' THEN 'C'
                            ELSE 'I' END AS col,
                       CASE WHEN mv.kind = '%4$s' THEN mv.cause_id ELSE n.budget_id END AS budget,
                       sum(mv.amount_yen)::bigint AS yen
                FROM line_movement mv
                LEFT JOIN supplementary_new_line n ON mv.kind = '%7$s' AND n.initiative_id = mv.initiative_id
                WHERE mv.initiative_id = s.initiative_id AND mv.effective_on <= ?::date AND mv.recorded_at <= ?::timestamptz
                GROUP BY 1, 2) m ON true
            ORDER BY s.line_order, s.initiative_id""";

    private final JdbcClient jdbc;

    public CurrentBudgetQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The report at {@code level} of the lines {@code filter} admits. */
    public CurrentBudget report(FiscalYear fiscalYear, Moment moment, LineFilter filter, CurrentBudget.Level level) {
        List<Object> params = new ArrayList<>();
        params.add(fiscalYear.value());
        params.add(moment.asOf().atOffset(ZoneOffset.UTC));
        Date day = Date.valueOf(moment.effectiveWithin(fiscalYear));
        params.add(day);
        String conditions = filter.sql(params) + (moment.withoutCarried() ? TemporalQueries.NOT_CARRIED.formatted("line_state") : "");
        params.add(day);
        params.add(moment.asOf().atOffset(ZoneOffset.UTC));
        String sql = FIGURES.formatted(ClassificationColumns.NAMES, conditions, ClassificationColumns.prefixed("s."),
                ChangeCause.SUPPLEMENTARY_BUDGET, ChangeCause.RESERVE_FUND, ChangeCause.TRANSFER, MovementProjection.ADDITION,
                ChangeCause.CARRYOVER);
        Map<String, CurrentBudget.LineFigures.Builder> lines = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            String id = rs.getString(1);
            var line = lines.get(id);
            if (line == null) {
                line = new CurrentBudget.LineFigures.Builder(id, rs.getString(2), ClassificationColumns.read(rs, 7));
                lines.put(id, line);
            }
            String column = rs.getString(4);
            if (column != null) {
                line.add(column.charAt(0), rs.getString(5), rs.getLong(6));
            }
        });
        List<CurrentBudget.LineFigures> figures = lines.values().stream().map(CurrentBudget.LineFigures.Builder::build).toList();
        return CurrentBudget.of(fiscalYear.value(), moment, level, columns(fiscalYear, moment, filter, figures), figures);
    }

    /**
     * The supplementary budgets in the order they were recorded: those the figures have amounts of, and
     * without a filter also every other one of the fiscal year in force at the moment.
     */
    private List<CurrentBudget.SupplementaryColumn> columns(FiscalYear fiscalYear, Moment moment, LineFilter filter, List<CurrentBudget.LineFigures> figures) {
        Set<String> ids = new LinkedHashSet<>();
        figures.forEach(f -> ids.addAll(f.supplementaryYen().keySet()));
        List<CurrentBudget.SupplementaryColumn> columns = new ArrayList<>(jdbc.sql("""
                        SELECT budget_id, name, title FROM supplementary_budget_column
                        WHERE budget_id = ANY(?)
                           OR (? AND fiscal_year = ? AND effective_on <= ?::date AND recorded_at <= ?::timestamptz)
                        ORDER BY recorded_at, position""")
                .params(ids.toArray(String[]::new), filter.isAll(), fiscalYear.value(), Date.valueOf(moment.effectiveWithin(fiscalYear)),
                        moment.asOf().atOffset(ZoneOffset.UTC))
                .query((rs, i) -> new CurrentBudget.SupplementaryColumn(rs.getString(1), rs.getString(2),
                        header(rs.getString(2), rs.getString(3))))
                .list());
        columns.forEach(c -> ids.remove(c.budgetId()));
        ids.forEach(id -> columns.add(new CurrentBudget.SupplementaryColumn(id, id, header(id, null))));
        return columns;
    }

    /**
     * The heading of a supplementary budget's column in the documents: a numbered bill's title (「令和N年度一般会計補正予算（第M号）」,
     * which names its 会計, so that each 会計's 第1号 is told apart), else the budget's name. The one place that decides it.
     */
    static String header(String name, String title) {
        return title != null ? title : name;
    }
}
