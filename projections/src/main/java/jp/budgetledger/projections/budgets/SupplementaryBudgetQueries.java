package jp.budgetledger.projections.budgets;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads supplementary budgets, in the order they were first recorded, or those in force in the order they came into force. */
@Component
public class SupplementaryBudgetQueries {

    private final JdbcClient jdbc;

    public SupplementaryBudgetQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SupplementaryBudgetView> ofYear(int fiscalYear) {
        return withItems(jdbc.sql("SELECT * FROM supplementary_budget WHERE fiscal_year = ? ORDER BY position")
                .param(fiscalYear).query(SupplementaryBudgetQueries::map).list(), fiscalYear);
    }

    /** The budgets of {@code fiscalYear} in force, in the order they came into force. */
    public List<SupplementaryBudgetView> inForceOfYear(int fiscalYear) {
        return withItems(jdbc.sql("SELECT * FROM supplementary_budget WHERE fiscal_year = ? AND in_force_position IS NOT NULL "
                        + "ORDER BY in_force_position")
                .param(fiscalYear).query(SupplementaryBudgetQueries::map).list(), fiscalYear);
    }

    public Optional<SupplementaryBudgetView> find(String id) {
        return jdbc.sql("SELECT * FROM supplementary_budget WHERE budget_id = ?").param(id).query(SupplementaryBudgetQueries::map).optional()
                .map(view -> withItems(List.of(view), view.fiscalYear()).get(0));
    }

    private List<SupplementaryBudgetView> withItems(List<SupplementaryBudgetView> budgets, int fiscalYear) {
        if (budgets.isEmpty()) {
            return budgets;
        }
        Map<String, Map<String, List<SupplementaryBudgetView.BillItem>>> items = new HashMap<>();
        jdbc.sql("""
                        SELECT i.budget_id, i.version_kind, i.initiative_id, i.delta_yen, i.new_line, i.name, i.department
                        FROM supplementary_budget_item i JOIN supplementary_budget b ON b.budget_id = i.budget_id
                        WHERE b.fiscal_year = ? ORDER BY i.budget_id, i.version_kind, i.item_index""")
                .param(fiscalYear)
                .query((RowCallbackHandler) rs -> items.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                        .add(new SupplementaryBudgetView.BillItem(rs.getString(3), rs.getLong(4), rs.getBoolean(5), rs.getString(6),
                                rs.getString(7))));
        return budgets.stream().map(b -> {
            var of = items.getOrDefault(b.id(), Map.of());
            return new SupplementaryBudgetView(b.id(), b.fiscalYear(), b.name(), b.reference(), b.resolvedOn(), b.itemCount(), b.newLines(),
                    b.deltaYen(), b.recordedAt(), b.position(), b.procedure(), b.state(), b.number(), b.title(), b.billNumber(),
                    b.submittedOn(), b.decidedOn(), b.inForceAt(), b.inForcePosition(), b.assemblyReport(), b.assemblyReportOn(),
                    of.getOrDefault(SupplementaryBudgetProjection.SUBMITTED_ITEMS, List.of()),
                    of.get(SupplementaryBudgetProjection.AMENDED_ITEMS));
        }).toList();
    }

    private static SupplementaryBudgetView map(ResultSet rs, int row) throws SQLException {
        String procedure = rs.getString("procedure");
        LocalDate resolvedOn = rs.getObject("resolved_on", LocalDate.class);
        OffsetDateTime inForceAt = rs.getObject("in_force_at", OffsetDateTime.class);
        return new SupplementaryBudgetView(rs.getString("budget_id"), rs.getInt("fiscal_year"), rs.getString("name"),
                rs.getString("reference"), resolvedOn, rs.getInt("item_count"),
                rs.getInt("new_lines"), rs.getLong("delta_yen"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getLong("position"), procedure, rs.getString("state"), (Integer) rs.getObject("number"), rs.getString("title"),
                rs.getString("bill_number"), rs.getObject("submitted_on", LocalDate.class),
                SupplementaryBudgetView.SENKETSU.equals(procedure) ? resolvedOn : null, inForceAt == null ? null : inForceAt.toInstant(),
                (Long) rs.getObject("in_force_position"), rs.getString("assembly_report"),
                rs.getObject("assembly_report_on", LocalDate.class), List.of(), null);
    }
}
