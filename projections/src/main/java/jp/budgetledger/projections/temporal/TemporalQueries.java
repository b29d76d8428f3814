package jp.budgetledger.projections.temporal;

import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.projections.totals.CategoryTotal;
import jp.budgetledger.projections.totals.DepartmentTotal;
import jp.budgetledger.projections.totals.FiscalYearTotal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Totals and lines of a fiscal year at a {@link Moment}, from {@code line_state}. */
@Component
public class TemporalQueries {

    /**
     * A line in force at a moment, with its amount then and its 会計, side and 科目 path then ({@code accountCode},
     * {@code accountName}, {@code side}, {@code subject}, {@code departmentCode}: null for an unclassified line).
     */
    public record LineAt(String id, String categoryCode, String categoryName, String department, String name, long amountYen,
                         long version, String accountCode, String accountName, Side side, Subject subject, String departmentCode) {

        static LineAt of(String id, String categoryCode, String categoryName, String department, String name, long amountYen,
                         long version, Classification classification) {
            return classification == null
                    ? new LineAt(id, categoryCode, categoryName, department, name, amountYen, version, null, null, null, null, null)
                    : new LineAt(id, categoryCode, categoryName, department, name, amountYen, version, classification.account().code(),
                            classification.account().name(), classification.side(), classification.subject(), classification.departmentCode());
        }
    }

    /** The total of the lines of one 会計, side and 科目 path; {@code classification} null for the lines without one. */
    public record PathTotal(Classification classification, long totalYen, int lineCount) {
    }

    private static final String AT = " FROM line_state WHERE fiscal_year = ? AND recorded @> ?::timestamptz AND effective @> ?::date";
    /**
     * Leaves out the lines carried from the year before, whose addition {@link MovementProjection} records as a carry-over;
     * {@code %s} is the table or alias of {@code line_state}.
     */
    static final String NOT_CARRIED = " AND NOT EXISTS (SELECT 1 FROM line_movement c WHERE c.initiative_id = %s.initiative_id"
            + " AND c.sequence = 0 AND c.kind = '" + jp.budgetledger.core.api.ChangeCause.CARRYOVER + "')";
    private static final String SUBMITTED_ITEMS = " FROM supplementary_budget_item i JOIN supplementary_budget b ON b.budget_id = i.budget_id"
            + " WHERE b.fiscal_year = ? AND b.state = 'submitted' AND i.version_kind = 'submitted'";
    /**
     * The lines at a moment with every submitted bill's items as if passed: each line changed by its items, and the bills' new
     * lines (after every other line), under the name and columns of {@code line_state}.
     */
    private static final String PROPOSED_AT = " FROM (SELECT l.initiative_id, l.fiscal_year, l.department, l.category_code, l.category_name,"
            + " l.name, l.amount_yen + coalesce(d.delta_yen, 0) AS amount_yen, l.version, l.line_order, " + ClassificationColumns.prefixed("l.")
            + " FROM line_state l LEFT JOIN (SELECT i.initiative_id, sum(i.delta_yen) AS delta_yen" + SUBMITTED_ITEMS
            + " AND NOT i.new_line GROUP BY i.initiative_id) d ON d.initiative_id = l.initiative_id"
            + " WHERE l.fiscal_year = ? AND l.recorded @> ?::timestamptz AND l.effective @> ?::date"
            + " UNION ALL SELECT i.initiative_id, b.fiscal_year, i.department, i.category_code, i.category_name, i.name, i.delta_yen,"
            + " 0::bigint, " + Long.MAX_VALUE + "::bigint, " + ClassificationColumns.prefixed("i.") + SUBMITTED_ITEMS + " AND i.new_line) line_state"
            + " WHERE fiscal_year = ?";

    private final JdbcClient jdbc;

    public TemporalQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public FiscalYearTotal total(FiscalYear fiscalYear, Moment moment) {
        return jdbc.sql("SELECT coalesce(sum(amount_yen), 0)::bigint, count(*)::integer" + at(moment))
                .params(params(fiscalYear, moment))
                .query((rs, i) -> new FiscalYearTotal(fiscalYear.value(), rs.getLong(1), rs.getInt(2)))
                .single();
    }

    public List<DepartmentTotal> byDepartment(FiscalYear fiscalYear, Moment moment) {
        return byDepartment(fiscalYear, moment, LineFilter.ALL);
    }

    /** The department totals of the lines {@code filter} admits. */
    public List<DepartmentTotal> byDepartment(FiscalYear fiscalYear, Moment moment, LineFilter filter) {
        List<Object> params = new ArrayList<>(params(fiscalYear, moment));
        return jdbc.sql("SELECT department, sum(amount_yen)::bigint, count(*)::integer" + at(moment) + filter.sql(params)
                        + " GROUP BY department ORDER BY min(line_order), department")
                .params(params)
                .query((rs, i) -> new DepartmentTotal(rs.getString(1), rs.getLong(2), rs.getInt(3)))
                .list();
    }

    public List<CategoryTotal> byCategory(FiscalYear fiscalYear, Moment moment) {
        return byCategory(fiscalYear, moment, LineFilter.ALL);
    }

    /** The category totals of the lines {@code filter} admits; lines without a category are left out. */
    public List<CategoryTotal> byCategory(FiscalYear fiscalYear, Moment moment, LineFilter filter) {
        List<Object> params = new ArrayList<>(params(fiscalYear, moment));
        return jdbc.sql("SELECT category_code, max(category_name), sum(amount_yen)::bigint, count(*)::integer" + at(moment)
                        + " AND category_code IS NOT NULL" + filter.sql(params)
                        + " GROUP BY category_code ORDER BY length(category_code), category_code")
                .params(params)
                .query((rs, i) -> new CategoryTotal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4)))
                .list();
    }

    /**
     * The total and line count per 会計, side and 科目 path of the lines {@code filter} admits; the lines without a classification as one total with a null classification
     * (left out when the filter names a 会計 or side). The classifications carry no department code. The
     * paths come in the order their first line was recorded.
     */
    public List<PathTotal> paths(FiscalYear fiscalYear, Moment moment, LineFilter filter) {
        List<Object> params = new ArrayList<>(params(fiscalYear, moment));
        String columns = ClassificationColumns.NAMES.replace("department_code", "NULL::text");
        String grouped = ClassificationColumns.NAMES.replace(", department_code", "");
        return jdbc.sql("SELECT sum(amount_yen)::bigint, count(*)::integer, " + columns + at(moment) + filter.sql(params)
                        + " GROUP BY " + grouped + " ORDER BY min(line_order)")
                .params(params)
                .query((rs, i) -> new PathTotal(ClassificationColumns.read(rs, 3), rs.getLong(1), rs.getInt(2)))
                .list();
    }

    /**
     * The items of supplementary budget {@code budgetId} ({@code versionKind} {@code submitted}, or {@code amended} for a
     * 修正可決's items) as path totals: each item's difference under the classification its line had at {@code moment}; a line
     * not in force then (a new line) under the one it was first recorded with, or, not recorded yet (a bill still submitted),
     * the item's own; with a line count of 1 for a new line and 0 for a change; in the order of the items. The
     * classifications carry no department code.
     */
    public List<PathTotal> billItems(FiscalYear fiscalYear, String budgetId, String versionKind, Moment moment) {
        String columns = java.util.Arrays.stream(ClassificationColumns.NAMES.split(","))
                .map(String::strip)
                .map(name -> "department_code".equals(name) ? "NULL::text" : "CASE WHEN l.found THEN l." + name + " ELSE i." + name + " END")
                .collect(java.util.stream.Collectors.joining(", "));
        return jdbc.sql("SELECT i.delta_yen, CASE WHEN i.new_line THEN 1 ELSE 0 END, " + columns
                        + " FROM supplementary_budget_item i LEFT JOIN LATERAL (SELECT true AS found, " + ClassificationColumns.NAMES
                        + " FROM line_state s WHERE s.initiative_id = i.initiative_id AND s.fiscal_year = ?"
                        + " ORDER BY (s.recorded @> ?::timestamptz AND s.effective @> ?::date) DESC, lower(s.recorded), lower(s.effective) LIMIT 1) l ON true"
                        + " WHERE i.budget_id = ? AND i.version_kind = ? ORDER BY i.item_index")
                .params(fiscalYear.value(), moment.asOf().atOffset(ZoneOffset.UTC), Date.valueOf(moment.effectiveWithin(fiscalYear)),
                        budgetId, versionKind)
                .query((rs, i) -> new PathTotal(ClassificationColumns.read(rs, 3), rs.getLong(1), rs.getInt(2)))
                .list();
    }

    public List<LineAt> lines(FiscalYear fiscalYear, Moment moment, String department, String categoryCode) {
        List<Object> params = new ArrayList<>(params(fiscalYear, moment));
        StringBuilder sql = new StringBuilder("SELECT initiative_id, category_code, category_name, department, name, amount_yen, version, ")
                .append(ClassificationColumns.NAMES).append(at(moment));
        if (department != null) {
            sql.append(" AND department = ?");
            params.add(department);
        }
        if (categoryCode != null) {
            sql.append(" AND category_code = ?");
            params.add(categoryCode);
        }
        sql.append(" ORDER BY length(category_code), category_code, line_order, initiative_id");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> LineAt.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getLong(7), ClassificationColumns.read(rs, 8)))
                .list();
    }

    private static String at(Moment moment) {
        return moment.proposed() ? PROPOSED_AT : moment.withoutCarried() ? AT + NOT_CARRIED.formatted("line_state") : AT;
    }

    private static List<Object> params(FiscalYear fiscalYear, Moment moment) {
        int year = fiscalYear.value();
        var asOf = moment.asOf().atOffset(ZoneOffset.UTC);
        Date effective = Date.valueOf(moment.effectiveWithin(fiscalYear));
        return moment.proposed() ? List.of(year, year, asOf, effective, year, year) : List.of(year, asOf, effective);
    }
}
