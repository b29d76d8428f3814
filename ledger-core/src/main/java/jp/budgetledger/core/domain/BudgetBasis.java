package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.time.LocalDate;

/**
 * The budget an instrument recorded "in a budget" is part of: the 当初予算 of its fiscal year (no supplementary budget), or a
 * supplementary budget of the same fiscal year that is in force.
 */
final class BudgetBasis {

    private final Repository<SupplementaryBudget> budgets;

    BudgetBasis(Repository<SupplementaryBudget> budgets) {
        this.budgets = budgets;
    }

    /**
     * The day {@code id} came into force, or null for the 当初予算 ({@code id} null).
     *
     * @throws BudgetBasisException when there is no such budget, it is of another year than {@code year} or it is not in force
     */
    LocalDate inForceOn(SupplementaryBudgetId id, FiscalYear year) {
        if (id == null) {
            return null;
        }
        Aggregate<SupplementaryBudget> budget;
        try {
            budget = budgets.load(id.value());
        } catch (AggregateNotFoundException e) {
            throw BudgetBasisException.unknown(id);
        }
        FiscalYear its = budget.invoke(SupplementaryBudget::fiscalYear);
        if (!its.equals(year)) {
            throw BudgetBasisException.otherYear(id, its, year);
        }
        LocalDate on = budget.invoke(SupplementaryBudget::inForceOn);
        if (on == null) {
            throw BudgetBasisException.notInForce(id);
        }
        return on;
    }
}
