package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.AnnualShare;
import jp.budgetledger.core.api.CarryForwardContinuingExpense;
import jp.budgetledger.core.api.ChangeCause;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.ContinuingExpenseRegistered;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.RegisterContinuingExpense;
import jp.budgetledger.core.api.Side;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * The commands of 継続費 (地方自治法 第212条), which change several aggregates in one unit of work: setting one records a line
 * per year for its share (年割額) with the 継続費 itself, all or nothing; a 逓次繰越 grows the next year's share line with its
 * record. Each share line is an ordinary line of its year: it counts in the year's totals, claims its name in the year's
 * 科目 table and follows the lines' rules (department scope, one line per 科目 path and department, the 会計's balance).
 */
public class ContinuingExpenseHandlers {

    private final Repository<ContinuingExpense> expenses;
    private final Repository<Initiative> initiatives;
    private final Repository<SupplementaryBudget> budgets;
    private final InitiativeRegistry registry;
    private final SubjectTable subjects;

    public ContinuingExpenseHandlers(Repository<ContinuingExpense> expenses, Repository<Initiative> initiatives,
                                     Repository<SupplementaryBudget> budgets, InitiativeRegistry registry, SubjectTable subjects) {
        this.expenses = expenses;
        this.initiatives = initiatives;
        this.budgets = budgets;
        this.registry = registry;
        this.subjects = subjects;
    }

    /**
     * Sets the 継続費 and its share lines: the first year's from the command's effective date (default 1 April), the later
     * years' from 1 April of each.
     *
     * @return the 継続費's version (0)
     */
    @CommandHandler
    public long handle(RegisterContinuingExpense command) throws Exception {
        DepartmentScope.require(command.department());
        if (command.classification().side() != Side.EXPENDITURE) {
            throw new ContinuingExpenseException(ContinuingExpenseException.EXPENDITURE_ONLY, Concept.SUBJECT,
                    "a 継続費 is an expense of the 歳出 side, not of " + command.classification().side().japanese());
        }
        ContinuingExpense.checkShares(command.fiscalYear(), command.total(), command.shares());
        requireBasis(command.fiscalYear(), command.supplementaryBudgetId());
        ChangeContext change = command.change().withDefaultEffectiveDate(command.fiscalYear().firstDay());
        for (AnnualShare share : command.shares()) {
            ChangeContext from = share.fiscalYear().equals(command.fiscalYear()) ? change : change.from(share.fiscalYear().firstDay());
            AddInitiative line = new AddInitiative(share.initiativeId(), share.fiscalYear(), command.category(), command.department(),
                    command.name(), share.amount(), "継続費「" + command.name() + "」の" + share.fiscalYear().value() + "年度の年割額", from,
                    command.classification());
            initiatives.newInstance(() -> new Initiative(line, registry, subjects, command.continuingExpenseId()));
        }
        ContinuingExpenseRegistered registered = new ContinuingExpenseRegistered(command.continuingExpenseId(), command.fiscalYear(),
                command.name(), command.department(), command.category(), command.classification(), command.total(), command.shares(),
                command.supplementaryBudgetId(), change);
        expenses.newInstance(() -> new ContinuingExpense(registered));
        return 0L;
    }

    /**
     * Carries an unused share into the next year: that year's share line grows by it from 1 April (cause
     * {@link ChangeCause#CONTINUING_EXPENSE}), the year's own line is not reduced.
     *
     * @return the 継続費's version after the 逓次繰越
     */
    @CommandHandler
    public long handle(CarryForwardContinuingExpense command) {
        Aggregate<ContinuingExpense> expense;
        try {
            expense = expenses.load(command.continuingExpenseId().value());
        } catch (AggregateNotFoundException e) {
            throw new ContinuingExpenseException(ContinuingExpenseException.UNKNOWN, Concept.CONTINUING_EXPENSE,
                    "no 継続費 with id " + command.continuingExpenseId());
        }
        ContinuingExpense.Carry carry = expense.invoke(e -> e.planCarry(command));
        Aggregate<Initiative> line = initiatives.load(carry.toLine().value());
        line.invoke(l -> l.applyDelta(command.amount(), command.change().from(carry.to().firstDay()),
                ChangeCause.continuingExpense(command.continuingExpenseId().value())));
        return expense.invoke(e -> e.carry(carry, command));
    }

    /** A 継続費 set by a supplementary budget needs one of its first year in force; none (null) is the 当初予算. */
    private void requireBasis(FiscalYear fiscalYear, String supplementaryBudgetId) {
        if (supplementaryBudgetId == null) {
            return;
        }
        Aggregate<SupplementaryBudget> budget;
        try {
            budget = budgets.load(supplementaryBudgetId);
        } catch (AggregateNotFoundException e) {
            throw new ContinuingExpenseException(ContinuingExpenseException.UNKNOWN_BASIS, Concept.BASIS,
                    "no supplementary budget with id " + supplementaryBudgetId);
        }
        FiscalYear of = budget.invoke(SupplementaryBudget::fiscalYear);
        if (!of.equals(fiscalYear) || !budget.invoke(SupplementaryBudget::inForce)) {
            throw new ContinuingExpenseException(ContinuingExpenseException.BASIS_NOT_IN_FORCE, Concept.BASIS,
                    "supplementary budget " + supplementaryBudgetId + (of.equals(fiscalYear) ? " is not in force"
                            : " is of fiscal year " + of.value() + ", not " + fiscalYear.value())
                            + "; a 継続費 is set by the 当初予算 or a supplementary budget of its first year in force");
        }
    }
}
