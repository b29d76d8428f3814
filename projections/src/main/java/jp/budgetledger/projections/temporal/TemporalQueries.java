package jp.budgetledger.projections.temporal;

import jp.budgetledger.core.api.FiscalYear;
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

    /** A line as it stood at a moment. */
    public record LineAt(String id, String categoryCode, String categoryName, String department, String name, long amountYen,
                         long version) {
    }

    private static final String AT = " FROM line_state WHERE fiscal_year = ? AND recorded @> ?::timestamptz AND effective @> ?::date";

    private final JdbcClient jdbc;

    public TemporalQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public FiscalYearTotal total(FiscalYear fiscalYear, Moment moment) {
        return jdbc.sql("SELECT coalesce(sum(amount_yen), 0)::bigint, count(*)::integer" + AT)
                .params(params(fiscalYear, moment))
                .query((rs, i) -> new FiscalYearTotal(fiscalYear.value(), rs.getLong(1), rs.getInt(2)))
                .single();
    }

    public List<DepartmentTotal> byDepartment(FiscalYear fiscalYear, Moment moment) {
        return jdbc.sql("SELECT department, sum(amount_yen)::bigint, count(*)::integer" + AT
                        + " GROUP BY department ORDER BY min(line_order), department")
                .params(params(fiscalYear, moment))
                .query((rs, i) -> new DepartmentTotal(rs.getString(1), rs.getLong(2), rs.getInt(3)))
                .list();
    }

    public List<CategoryTotal> byCategory(FiscalYear fiscalYear, Moment moment) {
        return jdbc.sql("SELECT category_code, max(category_name), sum(amount_yen)::bigint, count(*)::integer" + AT
                        + " AND category_code IS NOT NULL GROUP BY category_code ORDER BY length(category_code), category_code")
                .params(params(fiscalYear, moment))
                .query((rs, i) -> new CategoryTotal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4)))
                .list();
    }

    public List<LineAt> lines(FiscalYear fiscalYear, Moment moment, String department, String categoryCode) {
        List<Object> params = new ArrayList<>(params(fiscalYear, moment));
        StringBuilder sql = new StringBuilder("SELECT initiative_id, category_code, category_name, department, name, amount_yen, version")
                .append(AT);
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
                .query((rs, i) -> new LineAt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getLong(7)))
                .list();
    }

    private static List<Object> params(FiscalYear fiscalYear, Moment moment) {
        return List.of(fiscalYear.value(), moment.asOf().atOffset(ZoneOffset.UTC), Date.valueOf(moment.effectiveWithin(fiscalYear)));
    }
}
