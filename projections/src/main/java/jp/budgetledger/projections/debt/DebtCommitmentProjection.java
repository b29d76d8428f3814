package jp.budgetledger.projections.debt;

import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.DebtCommitmentAbolished;
import jp.budgetledger.core.api.DebtCommitmentAmended;
import jp.budgetledger.core.api.DebtCommitmentSet;
import jp.budgetledger.core.api.DebtLimit;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.projections.ProjectionNames;
import jp.budgetledger.projections.StorePosition;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;

/** Keeps {@code debt_commitment} and {@code debt_commitment_change}: each 債務負担行為 and each of its changes with the state after it. */
@Component
@ProcessingGroup(ProjectionNames.DOCUMENTS)
public class DebtCommitmentProjection {

    static final String SET = "set";
    static final String AMENDED = "amended";
    static final String ABOLISHED = "abolished";

    private final JdbcClient jdbc;

    public DebtCommitmentProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DebtCommitmentSet event, DomainEventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO debt_commitment (commitment_id, fiscal_year, matter, account_code, account_name, account_key, department,
                                                     period_from, supplementary_budget_id, recorded_at, position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (commitment_id) DO NOTHING""")
                .params(event.commitmentId().value(), event.fiscalYear().value(), event.matter(), event.account().code(),
                        event.account().name(), event.account().key(), event.department() == null ? null : event.department().name(),
                        event.periodFrom().value(), event.supplementaryBudgetId(), message.getTimestamp().atOffset(ZoneOffset.UTC),
                        StorePosition.of(message))
                .update();
        change(message, SET, event.supplementaryBudgetId(), event.limit(), event.periodTo(), null, null, event.change());
    }

    @EventHandler
    void on(DebtCommitmentAmended event, DomainEventMessage<?> message) {
        change(message, AMENDED, event.supplementaryBudgetId(), event.limitAfter(), event.periodToAfter(), event.limitBefore(),
                event.periodToBefore(), event.change());
    }

    @EventHandler
    void on(DebtCommitmentAbolished event, DomainEventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO debt_commitment_change (commitment_id, sequence_number, kind, supplementary_budget_id, limit_yen, limit_text,
                                                            period_to, limit_yen_before, limit_text_before, period_to_before,
                                                            effective_date, reason, reference, recorded_at, position)
                        SELECT c.commitment_id, ?, ?, ?, c.limit_yen, c.limit_text, c.period_to, c.limit_yen, c.limit_text, c.period_to,
                               ?, ?, ?, ?, ?
                        FROM debt_commitment_change c WHERE c.commitment_id = ? ORDER BY c.sequence_number DESC LIMIT 1
                        ON CONFLICT DO NOTHING""")
                .params(message.getSequenceNumber(), ABOLISHED, event.supplementaryBudgetId(), event.change().effectiveDate(),
                        event.change().reason(), event.change().reference(), message.getTimestamp().atOffset(ZoneOffset.UTC),
                        StorePosition.of(message), event.commitmentId().value())
                .update();
    }

    private void change(DomainEventMessage<?> message, String kind, String budget, DebtLimit limit, FiscalYear periodTo, DebtLimit before,
                        FiscalYear periodToBefore, ChangeContext change) {
        jdbc.sql("""
                        INSERT INTO debt_commitment_change (commitment_id, sequence_number, kind, supplementary_budget_id, limit_yen, limit_text,
                                                            period_to, limit_yen_before, limit_text_before, period_to_before,
                                                            effective_date, reason, reference, recorded_at, position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(message.getAggregateIdentifier(), message.getSequenceNumber(), kind, budget, yen(limit), limit.text(), periodTo.value(),
                        before == null ? null : yen(before), before == null ? null : before.text(),
                        periodToBefore == null ? null : periodToBefore.value(), change.effectiveDate(), change.reason(), change.reference(),
                        message.getTimestamp().atOffset(ZoneOffset.UTC), StorePosition.of(message))
                .update();
    }

    private static Long yen(DebtLimit limit) {
        Money money = limit.yen();
        return money == null ? null : money.yen();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE debt_commitment, debt_commitment_change").update();
    }
}
