package jp.budgetledger.projections.totals;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.projections.ProjectionNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code department_total} and {@code category_total}. Events are sequenced per fiscal
 * year ({@link FiscalYearSequencingPolicy}); each update runs in the transaction that also
 * advances the processor's token, so every event counts exactly once.
 */
@Component
@ProcessingGroup(ProjectionNames.TOTALS)
public class TotalsProjection {

    private final JdbcClient jdbc;

    public TotalsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InitiativeAdded event, TrackingToken token) {
        addLine(event.fiscalYear().value(), event.department().name(), event.category().code(), event.category().name(),
                event.amount().yen(), token);
    }

    /** Counts one more line of {@code amount} in its department and category, creating their rows when first seen. */
    private void addLine(int year, String department, String categoryCode, String categoryName, long amount, TrackingToken token) {
        jdbc.sql("""
                        INSERT INTO department_total (fiscal_year, department, total_yen, initiative_count, first_position)
                        VALUES (?, ?, ?, 1, ?)
                        ON CONFLICT (fiscal_year, department) DO UPDATE
                        SET total_yen = department_total.total_yen + EXCLUDED.total_yen,
                            initiative_count = department_total.initiative_count + 1""")
                .params(year, department, amount, token == null ? 0L : token.position().orElse(0L))
                .update();
        jdbc.sql("""
                        INSERT INTO category_total (fiscal_year, category_code, category_name, total_yen, initiative_count)
                        VALUES (?, ?, ?, ?, 1)
                        ON CONFLICT (fiscal_year, category_code) DO UPDATE
                        SET total_yen = category_total.total_yen + EXCLUDED.total_yen,
                            initiative_count = category_total.initiative_count + 1,
                            category_name = EXCLUDED.category_name""")
                .params(year, categoryCode, categoryName, amount)
                .update();
    }

    @EventHandler
    void on(AmountAmended event) {
        long delta = event.delta().yen();
        jdbc.sql("UPDATE department_total SET total_yen = total_yen + ? WHERE fiscal_year = ? AND department = ?")
                .params(delta, event.fiscalYear().value(), event.department().name())
                .update();
        jdbc.sql("UPDATE category_total SET total_yen = total_yen + ? WHERE fiscal_year = ? AND category_code = ?")
                .params(delta, event.fiscalYear().value(), event.category().code())
                .update();
    }

    @EventHandler
    void on(InitiativeWithdrawn event) {
        move(event.fiscalYear().value(), event.department().name(), event.category().code(), -event.amountBefore().yen(), -1);
    }

    @EventHandler
    void on(InitiativeReassigned event, TrackingToken token) {
        int year = event.fiscalYear().value();
        long amount = event.amount().yen();
        move(year, event.departmentBefore().name(), event.categoryBefore().code(), -amount, -1);
        addLine(year, event.departmentAfter().name(), event.categoryAfter().code(), event.categoryAfter().name(), amount, token);
    }

    private void move(int year, String department, String categoryCode, long amount, int count) {
        jdbc.sql("UPDATE department_total SET total_yen = total_yen + ?, initiative_count = initiative_count + ? WHERE fiscal_year = ? AND department = ?")
                .params(amount, count, year, department).update();
        jdbc.sql("UPDATE category_total SET total_yen = total_yen + ?, initiative_count = initiative_count + ? WHERE fiscal_year = ? AND category_code = ?")
                .params(amount, count, year, categoryCode).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE department_total, category_total").update();
    }
}
