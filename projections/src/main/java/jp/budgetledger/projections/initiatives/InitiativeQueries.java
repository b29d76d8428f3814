package jp.budgetledger.projections.initiatives;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code initiative_view}. Lists come in document order: category code, then the order lines were added. */
@Component
public class InitiativeQueries {

    private final JdbcClient jdbc;

    public InitiativeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<InitiativeView> find(String id) {
        return jdbc.sql("SELECT * FROM initiative_view WHERE initiative_id = ?")
                .param(id)
                .query(InitiativeQueries::map)
                .optional();
    }

    /** Lines matching every filter that is not null. */
    public List<InitiativeView> list(Integer fiscalYear, String department, String categoryCode) {
        StringBuilder sql = new StringBuilder("SELECT * FROM initiative_view WHERE true");
        List<Object> params = new ArrayList<>();
        if (fiscalYear != null) {
            sql.append(" AND fiscal_year = ?");
            params.add(fiscalYear);
        }
        if (department != null) {
            sql.append(" AND department = ?");
            params.add(department);
        }
        if (categoryCode != null) {
            sql.append(" AND category_code = ?");
            params.add(categoryCode);
        }
        sql.append(" ORDER BY fiscal_year, category_code, added_position, initiative_id");
        return jdbc.sql(sql.toString()).params(params).query(InitiativeQueries::map).list();
    }

    private static InitiativeView map(ResultSet rs, int row) throws SQLException {
        return new InitiativeView(
                rs.getString("initiative_id"),
                rs.getInt("fiscal_year"),
                rs.getString("category_code"),
                rs.getString("category_name"),
                rs.getString("department"),
                rs.getString("name"),
                rs.getString("summary"),
                rs.getLong("amount_yen"),
                rs.getLong("version"),
                rs.getString("status"),
                rs.getObject("added_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("account_code"),
                rs.getString("account_name"),
                ClassificationColumns.side(rs),
                ClassificationColumns.subject(rs),
                rs.getString("department_code"),
                rs.getString("carried_from_id") == null ? null : new InitiativeView.CarriedFrom(rs.getString("carried_from_id"),
                        rs.getInt("carried_from_year"), rs.getString("carried_kind"), rs.getString("carryover_id")),
                rs.getObject("carryover_limit_yen", Long.class),
                rs.getString("carryover_limit_budget_id"),
                rs.getLong("carried_over_yen"));
    }
}
