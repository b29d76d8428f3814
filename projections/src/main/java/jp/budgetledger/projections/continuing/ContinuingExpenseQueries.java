package jp.budgetledger.projections.continuing;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads 継続費 as recorded up to an instant ({@code asOf}; null: everything recorded): those whose period covers a fiscal year,
 * or one by its id, each with its shares and the 逓次繰越 recorded by then.
 */
@Component
public class ContinuingExpenseQueries {

    private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

    private final JdbcClient jdbc;

    public ContinuingExpenseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The 継続費 whose period covers {@code fiscalYear}, in the order they were recorded. */
    public List<ContinuingExpenseView> covering(int fiscalYear, Instant asOf) {
        return complete(jdbc.sql("SELECT * FROM continuing_expense WHERE fiscal_year <= ? AND last_year >= ? AND recorded_at <= ? "
                        + "ORDER BY position")
                .params(fiscalYear, fiscalYear, timestamp(asOf)).query(ContinuingExpenseQueries::map).list(), asOf);
    }

    public Optional<ContinuingExpenseView> find(String id, Instant asOf) {
        return complete(jdbc.sql("SELECT * FROM continuing_expense WHERE continuing_expense_id = ? AND recorded_at <= ?")
                .params(id, timestamp(asOf)).query(ContinuingExpenseQueries::map).list(), asOf).stream().findFirst();
    }

    private List<ContinuingExpenseView> complete(List<ContinuingExpenseView> expenses, Instant asOf) {
        if (expenses.isEmpty()) {
            return expenses;
        }
        String[] ids = expenses.stream().map(ContinuingExpenseView::id).toArray(String[]::new);
        Map<String, List<ContinuingExpenseView.CarryForward>> carries = new HashMap<>();
        jdbc.sql("""
                        SELECT continuing_expense_id, from_year, to_year, amount_yen, reason, reference, recorded_at, position
                        FROM continuing_expense_carry WHERE continuing_expense_id = ANY(?::text[]) AND recorded_at <= ? ORDER BY position""")
                .params(ids, timestamp(asOf))
                .query((RowCallbackHandler) rs -> carries.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new ContinuingExpenseView.CarryForward(rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                                rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getLong(8))));
        Map<String, List<ContinuingExpenseView.YearShare>> shares = new HashMap<>();
        jdbc.sql("SELECT continuing_expense_id, fiscal_year, amount_yen, initiative_id FROM continuing_expense_share "
                        + "WHERE continuing_expense_id = ANY(?::text[]) ORDER BY continuing_expense_id, fiscal_year")
                .param(ids)
                .query((RowCallbackHandler) rs -> {
                    String id = rs.getString(1);
                    int year = rs.getInt(2);
                    List<ContinuingExpenseView.CarryForward> of = carries.getOrDefault(id, List.of());
                    long in = of.stream().filter(c -> c.toYear() == year).mapToLong(ContinuingExpenseView.CarryForward::amountYen).sum();
                    long out = of.stream().filter(c -> c.fromYear() == year).mapToLong(ContinuingExpenseView.CarryForward::amountYen).sum();
                    shares.computeIfAbsent(id, k -> new ArrayList<>()).add(new ContinuingExpenseView.YearShare(year, rs.getLong(3),
                            rs.getString(4), in, out));
                });
        return expenses.stream().map(e -> new ContinuingExpenseView(e.id(), e.fiscalYear(), e.lastYear(), e.name(), e.department(),
                e.categoryCode(), e.categoryName(), e.accountCode(), e.accountName(), e.kanCode(), e.kanName(), e.kouCode(), e.kouName(),
                e.mokuName(), e.totalYen(), e.supplementaryBudgetId(), e.reason(), e.reference(), e.recordedAt(), e.position(),
                List.copyOf(shares.getOrDefault(e.id(), List.of())), List.copyOf(carries.getOrDefault(e.id(), List.of())))).toList();
    }

    private static OffsetDateTime timestamp(Instant asOf) {
        return (asOf == null ? END : asOf).atOffset(ZoneOffset.UTC);
    }

    private static ContinuingExpenseView map(ResultSet rs, int row) throws SQLException {
        return new ContinuingExpenseView(rs.getString("continuing_expense_id"), rs.getInt("fiscal_year"), rs.getInt("last_year"),
                rs.getString("name"), rs.getString("department"), rs.getString("category_code"), rs.getString("category_name"),
                rs.getString("account_code"), rs.getString("account_name"), rs.getString("kan_code"), rs.getString("kan_name"),
                rs.getString("kou_code"), rs.getString("kou_name"), rs.getString("moku_name"), rs.getLong("total_yen"),
                rs.getString("supplementary_budget_id"), rs.getString("reason"), rs.getString("reference"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getLong("position"), List.of(), List.of());
    }
}
