package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.CarryoverResult;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.RecordCarryover;
import jp.budgetledger.core.api.SetCarryoverLimit;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * The commands of carry-overs into the next fiscal year (繰越明許費, 地方自治法 第213条; 事故繰越し, 第220条第3項): a line's 繰越明許費
 * limit, set by the 当初予算 or a supplementary budget in force of the line's year, and the record of a carry-over, which in one
 * unit of work records the carry on the source line and opens the line of the next year it carries into.
 */
public class CarryoverHandlers {

    private final Repository<Initiative> initiatives;
    private final Repository<SupplementaryBudget> budgets;
    private final InitiativeRegistry registry;
    private final SubjectTable subjects;

    public CarryoverHandlers(Repository<Initiative> initiatives, Repository<SupplementaryBudget> budgets, InitiativeRegistry registry,
                             SubjectTable subjects) {
        this.initiatives = initiatives;
        this.budgets = budgets;
        this.registry = registry;
        this.subjects = subjects;
    }

    /** @return the line's version after the change */
    @CommandHandler
    public long handle(SetCarryoverLimit command) {
        Aggregate<Initiative> line = load(command.initiativeId(), Concept.LINE);
        if (command.supplementaryBudgetId() != null) {
            requireInForce(command.supplementaryBudgetId(), line.invoke(Initiative::fiscalYear));
        }
        return line.invoke(l -> l.setCarryoverLimit(command));
    }

    @CommandHandler
    public CarryoverResult handle(RecordCarryover command) throws Exception {
        Aggregate<Initiative> source = load(command.fromId(), Concept.SOURCE_LINE);
        long version = source.invoke(l -> l.carryOver(command));
        InitiativeAdded opened = source.invoke(l -> l.carriedLine(command));
        initiatives.newInstance(() -> Initiative.carried(opened, registry, subjects));
        return new CarryoverResult(command.carryoverId(), version, command.carriedLineId());
    }

    private void requireInForce(SupplementaryBudgetId id, FiscalYear year) {
        Aggregate<SupplementaryBudget> budget;
        try {
            budget = budgets.load(id.value());
        } catch (AggregateNotFoundException e) {
            throw new CarryoverException(CarryoverException.UNKNOWN_BUDGET, Concept.BASIS, "no supplementary budget with id " + id);
        }
        FiscalYear of = budget.invoke(SupplementaryBudget::fiscalYear);
        if (!of.equals(year)) {
            throw new CarryoverException(CarryoverException.BUDGET_NOT_IN_FORCE, Concept.BASIS,
                    "the supplementary budget is of fiscal year " + of.value() + ", not of the line's " + year.value());
        }
        if (!budget.invoke(SupplementaryBudget::inForce)) {
            throw new CarryoverException(CarryoverException.BUDGET_NOT_IN_FORCE, Concept.BASIS,
                    "the supplementary budget is not in force (submitted or rejected): a limit is set by a budget in force");
        }
    }

    private Aggregate<Initiative> load(InitiativeId id, Concept line) {
        try {
            return initiatives.load(id.value());
        } catch (AggregateNotFoundException e) {
            throw new UnknownLineException(line, id);
        }
    }
}
