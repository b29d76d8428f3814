package jp.budgetledger.projections.budgets;

import jp.budgetledger.projections.StorePosition;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.projections.ProjectionNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/** Keeps {@code supplementary_budget}. */
@Component
@ProcessingGroup(ProjectionNames.DOCUMENTS)
public class SupplementaryBudgetProjection {

    private final JdbcClient jdbc;

    public SupplementaryBudgetProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SupplementaryBudgetEnacted event, @Timestamp Instant recordedAt, EventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO supplementary_budget (budget_id, fiscal_year, name, reference, resolved_on, item_count, new_lines,
                                                          delta_yen, recorded_at, position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (budget_id) DO NOTHING""")
                .params(event.budgetId().value(), event.fiscalYear().value(), event.name(), event.reference(), event.resolvedOn(),
                        event.items().size(), (int) event.items().stream().filter(SupplementaryBudgetEnacted.Item::newLine).count(),
                        event.total().yen(), recordedAt.atOffset(ZoneOffset.UTC), StorePosition.of(message))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE supplementary_budget").update();
    }
}
