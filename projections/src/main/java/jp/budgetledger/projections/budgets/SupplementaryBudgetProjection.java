package jp.budgetledger.projections.budgets;

import jp.budgetledger.core.api.BillProcedure;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.SenketsuReportedToAssembly;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.SupplementaryBudgetResolved;
import jp.budgetledger.core.api.SupplementaryBudgetSubmitted;
import jp.budgetledger.core.api.SupplementaryItem;
import jp.budgetledger.projections.ProjectionNames;
import jp.budgetledger.projections.StorePosition;
import jp.budgetledger.projections.temporal.ClassificationColumns;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps {@code supplementary_budget} and {@code supplementary_budget_item}: each bill, where it stands, and its items. */
@Component
@ProcessingGroup(ProjectionNames.DOCUMENTS)
public class SupplementaryBudgetProjection {

    static final String SUBMITTED_ITEMS = "submitted";
    static final String AMENDED_ITEMS = "amended";
    private static final String ITEM_INSERT = "INSERT INTO supplementary_budget_item (budget_id, version_kind, item_index, initiative_id, "
            + "delta_yen, new_line, department, category_code, category_name, name, " + ClassificationColumns.NAMES + ") VALUES ("
            + String.join(", ", Collections.nCopies(10 + ClassificationColumns.WIDTH, "?")) + ") ON CONFLICT DO NOTHING";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    public SupplementaryBudgetProjection(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    @EventHandler
    void on(SupplementaryBudgetSubmitted event, @Timestamp Instant recordedAt, EventMessage<?> message) {
        long delta = event.items().stream().mapToLong(i -> i.addsLine() ? i.newLine().amount().yen() : i.delta().yen()).sum();
        jdbc.sql("""
                        INSERT INTO supplementary_budget (budget_id, fiscal_year, name, reference, resolved_on, item_count, new_lines,
                                                          delta_yen, recorded_at, position, procedure, state, account_key, number, title,
                                                          bill_number, submitted_on)
                        VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 'assembly', 'submitted', ?, ?, ?, ?, ?) ON CONFLICT (budget_id) DO NOTHING""")
                .params(event.budgetId().value(), event.fiscalYear().value(), event.name(), event.reference(), event.items().size(),
                        (int) event.items().stream().filter(SupplementaryItem::addsLine).count(), delta,
                        recordedAt.atOffset(ZoneOffset.UTC), StorePosition.of(message), event.account(), event.number(), event.title(),
                        event.billNumber(), event.submittedOn())
                .update();
        items(event.budgetId().value(), SUBMITTED_ITEMS, event.items());
    }

    @EventHandler
    void on(SupplementaryBudgetResolved event) {
        jdbc.sql("UPDATE supplementary_budget SET state = ?, resolved_on = ? WHERE budget_id = ?")
                .params(event.outcome().code(), event.resolvedOn(), event.budgetId().value())
                .update();
        if (event.amendedItems() != null) {
            items(event.budgetId().value(), AMENDED_ITEMS, event.amendedItems());
        }
    }

    @EventHandler
    void on(SupplementaryBudgetEnacted event, @Timestamp Instant recordedAt, EventMessage<?> message) {
        int newLines = (int) event.items().stream().filter(SupplementaryBudgetEnacted.Item::newLine).count();
        long position = StorePosition.of(message);
        int updated = jdbc.sql("""
                        UPDATE supplementary_budget SET resolved_on = ?, item_count = ?, new_lines = ?, delta_yen = ?, in_force_position = ?,
                                                        in_force_at = ?
                        WHERE budget_id = ?""")
                .params(event.resolvedOn(), event.items().size(), newLines, event.total().yen(), position, recordedAt.atOffset(ZoneOffset.UTC),
                        event.budgetId().value())
                .update();
        if (updated > 0) {
            return;
        }
        BillProcedure procedure = event.procedureOrAssembly();
        jdbc.sql("""
                        INSERT INTO supplementary_budget (budget_id, fiscal_year, name, reference, resolved_on, item_count, new_lines,
                                                          delta_yen, recorded_at, position, procedure, state, account_key, number, title,
                                                          bill_number, submitted_on, in_force_position, in_force_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (budget_id) DO NOTHING""")
                .params(event.budgetId().value(), event.fiscalYear().value(), event.name(), event.reference(), event.resolvedOn(),
                        event.items().size(), newLines, event.total().yen(), recordedAt.atOffset(ZoneOffset.UTC), position, procedure.code(),
                        procedure == BillProcedure.SENKETSU ? SupplementaryBudgetView.SENKETSU : "passed", event.account(), event.number(),
                        event.title(), event.billNumber(), procedure == BillProcedure.SENKETSU ? null : event.resolvedOn(), position,
                        recordedAt.atOffset(ZoneOffset.UTC))
                .update();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < event.items().size(); i++) {
            var item = event.items().get(i);
            rows.add(row(event.budgetId().value(), SUBMITTED_ITEMS, i, item.initiativeId().value(), item.delta().yen(), item.newLine()));
        }
        jdbcTemplate.batchUpdate(ITEM_INSERT, rows);
    }

    @EventHandler
    void on(SenketsuReportedToAssembly event) {
        jdbc.sql("UPDATE supplementary_budget SET assembly_report = ?, assembly_report_on = ? WHERE budget_id = ?")
                .params(event.outcome().code(), event.on(), event.budgetId().value())
                .update();
    }

    private void items(String budgetId, String kind, List<SupplementaryItem> items) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SupplementaryItem item = items.get(i);
            Object[] row = row(budgetId, kind, i, item.initiativeId().value(),
                    item.addsLine() ? item.newLine().amount().yen() : item.delta().yen(), item.addsLine());
            if (item.addsLine()) {
                var line = item.newLine();
                row[6] = line.department().name();
                row[7] = Category.codeOf(line.category());
                row[8] = line.category() == null ? null : line.category().name();
                row[9] = line.name();
                System.arraycopy(ClassificationColumns.values(line.classification()), 0, row, 10, ClassificationColumns.WIDTH);
            }
            rows.add(row);
        }
        jdbcTemplate.batchUpdate(ITEM_INSERT, rows);
    }

    private static Object[] row(String budgetId, String kind, int index, String initiativeId, long deltaYen, boolean newLine) {
        Object[] row = new Object[10 + ClassificationColumns.WIDTH];
        row[0] = budgetId;
        row[1] = kind;
        row[2] = index;
        row[3] = initiativeId;
        row[4] = deltaYen;
        row[5] = newLine;
        return row;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE supplementary_budget, supplementary_budget_item").update();
    }
}
