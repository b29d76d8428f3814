package jp.budgetledger.projections.totals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reads the totals tables. Departments come in the order their first line was recorded; categories by code. */
@Component
public class TotalsQueries {

    private final JdbcClient jdbc;

    public TotalsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DepartmentTotal> byDepartment(int fiscalYear) {
        return jdbc.sql("""
                        SELECT department, total_yen, initiative_count FROM department_total
                        WHERE fiscal_year = ? AND (initiative_count > 0 OR total_yen <> 0) ORDER BY first_position, department""")
                .param(fiscalYear)
                .query((rs, i) -> new DepartmentTotal(rs.getString(1), rs.getLong(2), rs.getInt(3)))
                .list();
    }

    public List<CategoryTotal> byCategory(int fiscalYear) {
        return jdbc.sql("""
                        SELECT category_code, category_name, total_yen, initiative_count FROM category_total
                        WHERE fiscal_year = ? AND (initiative_count > 0 OR total_yen <> 0)
                        ORDER BY length(category_code), category_code""")
                .param(fiscalYear)
                .query((rs, i) -> new CategoryTotal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4)))
                .list();
    }

    public FiscalYearTotal total(int fiscalYear) {
        return jdbc.sql("""
                        SELECT coalesce(sum(total_yen), 0)::bigint, coalesce(sum(initiative_count), 0)::integer
                        FROM department_total WHERE fiscal_year = ?""")
                .param(fiscalYear)
                .query((rs, i) -> new FiscalYearTotal(fiscalYear, rs.getLong(1), rs.getInt(2)))
                .single();
    }
}
