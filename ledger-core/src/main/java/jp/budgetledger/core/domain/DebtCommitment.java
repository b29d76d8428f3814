package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AbolishDebtCommitment;
import jp.budgetledger.core.api.AmendDebtCommitment;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.DebtCommitmentAbolished;
import jp.budgetledger.core.api.DebtCommitmentAmended;
import jp.budgetledger.core.api.DebtCommitmentId;
import jp.budgetledger.core.api.DebtCommitmentSet;
import jp.budgetledger.core.api.DebtLimit;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A 債務負担行為 (地方自治法 第214条): a commitment set in one fiscal year's budget to pay, over a period of years, up to a
 * 限度額. It is never an amount of a year. Only the budgets of the year that set it amend or abolish it.
 */
public class DebtCommitment {

    @AggregateIdentifier
    private DebtCommitmentId id;
    private FiscalYear fiscalYear;
    private Department department;
    private FiscalYear periodFrom;
    private FiscalYear periodTo;
    private DebtLimit limit;
    private boolean abolished;
    private long version;

    protected DebtCommitment() {
    }

    DebtCommitment(DebtCommitmentSet set) {
        apply(set);
    }

    FiscalYear fiscalYear() {
        return fiscalYear;
    }

    Department department() {
        return department;
    }

    long version() {
        return version;
    }

    /**
     * Records the amendment by a supplementary budget of the commitment's year (checked by the caller).
     *
     * @throws DebtCommitmentRuleViolation when it is abolished, the period would end before it starts or nothing changes
     */
    void amend(AmendDebtCommitment command, ChangeContext change) {
        requireNotAbolished();
        DebtLimit after = DebtLimit.of(command.limitYen() != null ? command.limitYen() : limit.yen(),
                command.limitText() != null ? command.limitText() : limit.text());
        FiscalYear to = command.periodTo() != null ? command.periodTo() : periodTo;
        if (to.compareTo(periodFrom) < 0) {
            throw DebtCommitmentRuleViolation.periodEndsBeforeStart(periodFrom, to);
        }
        if (after.equals(limit) && to.equals(periodTo)) {
            throw DebtCommitmentRuleViolation.unchanged(id);
        }
        apply(new DebtCommitmentAmended(id, fiscalYear, command.supplementaryBudgetId().value(), limit, after, periodTo, to, change));
    }

    /** Records the abolition by a supplementary budget of the commitment's year (checked by the caller). */
    void abolish(AbolishDebtCommitment command, ChangeContext change) {
        requireNotAbolished();
        apply(new DebtCommitmentAbolished(id, fiscalYear, command.supplementaryBudgetId().value(), change));
    }

    private void requireNotAbolished() {
        if (abolished) {
            throw DebtCommitmentRuleViolation.abolished(id);
        }
    }

    @EventSourcingHandler
    void on(DebtCommitmentSet event, @SequenceNumber long sequence) {
        version = sequence;
        id = event.commitmentId();
        fiscalYear = event.fiscalYear();
        department = event.department();
        periodFrom = event.periodFrom();
        periodTo = event.periodTo();
        limit = event.limit();
    }

    @EventSourcingHandler
    void on(DebtCommitmentAmended event, @SequenceNumber long sequence) {
        version = sequence;
        limit = event.limitAfter();
        periodTo = event.periodToAfter();
    }

    @EventSourcingHandler
    void on(DebtCommitmentAbolished event, @SequenceNumber long sequence) {
        version = sequence;
        abolished = true;
    }
}
