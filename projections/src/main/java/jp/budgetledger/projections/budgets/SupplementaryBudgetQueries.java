package jp.budgetledger.projections.budgets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Reads supplementary budgets, in the order they were recorded. */
@Component
public class SupplementaryBudgetQueries {

    private final JdbcClient jdbc;

    public SupplementaryBudgetQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SupplementaryBudgetView> ofYear(int fiscalYear) {
        return jdbc.sql("SELECT * FROM supplementary_budget WHERE fiscal_year = ? ORDER BY position")
                .param(fiscalYear).query(SupplementaryBudgetQueries::map).list();
    }

    public Optional<SupplementaryBudgetView> find(String id) {
        return jdbc.sql("SELECT * FROM supplementary_budget WHERE budget_id = ?").param(id).query(SupplementaryBudgetQueries::map).optional();
    }

    private static SupplementaryBudgetView map(ResultSet rs, int row) throws SQLException {
        return new SupplementaryBudgetView(rs.getString("budget_id"), rs.getInt("fiscal_year"), rs.getString("name"),
                rs.getString("reference"), rs.getObject("resolved_on", LocalDate.class), rs.getInt("item_count"),
                rs.getInt("new_lines"), rs.getLong("delta_yen"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getLong("position"));
    }
}
