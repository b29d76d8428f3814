package jp.budgetledger.projections.continuing;

import jp.budgetledger.core.api.AnnualShare;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.ContinuingExpenseCarriedForward;
import jp.budgetledger.core.api.ContinuingExpenseRegistered;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.projections.ProjectionNames;
import jp.budgetledger.projections.StorePosition;
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
import java.util.List;

/** Keeps {@code continuing_expense}, its shares and its 逓次繰越 from the 継続費's events. */
@Component
@ProcessingGroup(ProjectionNames.DOCUMENTS)
public class ContinuingExpenseProjection {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    public ContinuingExpenseProjection(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    @EventHandler
    void on(ContinuingExpenseRegistered event, @Timestamp Instant recordedAt, EventMessage<?> message) {
        Classification c = event.classification();
        jdbc.sql("""
                        INSERT INTO continuing_expense (continuing_expense_id, fiscal_year, last_year, name, department, category_code,
                                                        category_name, account_code, account_name, kan_code, kan_name, kou_code, kou_name,
                                                        moku_name, total_yen, supplementary_budget_id, reason, reference, recorded_at, position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(event.continuingExpenseId().value(), event.fiscalYear().value(), event.lastYear().value(), event.name(),
                        event.department().name(), Category.codeOf(event.category()), Category.nameOf(event.category()),
                        code(c == null ? null : c.account()), name(c == null ? null : c.account()),
                        code(c == null ? null : c.subject().kan()), name(c == null ? null : c.subject().kan()),
                        code(c == null ? null : c.subject().kou()), name(c == null ? null : c.subject().kou()),
                        name(c == null ? null : c.subject().moku()), event.total().yen(), event.supplementaryBudgetId(),
                        event.change().reason(), event.change().reference(), recordedAt.atOffset(ZoneOffset.UTC), StorePosition.of(message))
                .update();
        List<Object[]> shares = event.shares().stream().map((AnnualShare s) -> new Object[]{event.continuingExpenseId().value(),
                s.fiscalYear().value(), s.amount().yen(), s.initiativeId().value()}).toList();
        jdbcTemplate.batchUpdate("INSERT INTO continuing_expense_share (continuing_expense_id, fiscal_year, amount_yen, initiative_id) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", shares);
    }

    @EventHandler
    void on(ContinuingExpenseCarriedForward event, @Timestamp Instant recordedAt, EventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO continuing_expense_carry (position, continuing_expense_id, from_year, to_year, amount_yen, reason,
                                                              reference, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(StorePosition.of(message), event.continuingExpenseId().value(), event.fiscalYear().value(), event.toYear().value(),
                        event.amount().yen(), event.change().reason(), event.change().reference(), recordedAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    private static String code(SubjectLevel level) {
        return level == null ? null : level.code();
    }

    private static String name(SubjectLevel level) {
        return level == null ? null : level.name();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE continuing_expense, continuing_expense_share, continuing_expense_carry").update();
    }
}
