package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.BillProcedure;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.DecideSupplementaryBudgetBySenketsu;
import jp.budgetledger.core.api.EnactSupplementaryBudget;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.ResolveSupplementaryBudget;
import jp.budgetledger.core.api.SubmitSupplementaryBudget;
import jp.budgetledger.core.api.SupplementaryBill;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.SupplementaryBudgetSubmitted;
import jp.budgetledger.core.api.SupplementaryItem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.time.LocalDate;
import java.util.List;

/**
 * The commands of supplementary budgets (補正予算), which change several lines at once: an enactment (submitted and passed at
 * once), a submission to the assembly, its resolution, and a 専決処分. Each runs in one unit of work, so all its items apply
 * or none do, and each bill takes the next number of its 会計's series of the fiscal year (see
 * {@link SupplementaryBudgetNumbers}), in the order bills are submitted.
 */
public class SupplementaryBudgetHandlers {

    private final Repository<SupplementaryBudget> budgets;
    private final BillItems items;
    private final SupplementaryBudgetNumbers numbers;

    public SupplementaryBudgetHandlers(Repository<Initiative> initiatives, Repository<SupplementaryBudget> budgets,
                                       InitiativeRegistry registry, SubjectTable subjects, AccountBalances balances,
                                       SupplementaryBudgetNumbers numbers) {
        this.budgets = budgets;
        this.items = new BillItems(initiatives, registry, subjects, balances);
        this.numbers = numbers;
    }

    /** A numbered bill: its series, number and title. */
    private record Numbered(BillItems.Series series, int number, String title) {

        /** The 会計's key; null for the series of lines without a 会計. */
        String accountKey() {
            return series.account() == null ? null : series.key();
        }
    }

    private Numbered number(FiscalYear fiscalYear, BillItems.Series series) {
        int number = numbers.next(fiscalYear, series.key());
        return new Numbered(series, number, BillTitles.title(fiscalYear, series.account(), number));
    }

    @CommandHandler
    public SupplementaryBudgetEnacted handle(EnactSupplementaryBudget command) throws Exception {
        return enact(command.bill(), command.resolvedOn(), BillProcedure.ASSEMBLY);
    }

    @CommandHandler
    public SupplementaryBudgetEnacted handle(DecideSupplementaryBudgetBySenketsu command) throws Exception {
        return enact(command.bill(), command.decidedOn(), BillProcedure.SENKETSU);
    }

    /**
     * Checks {@code command} against every rule {@link #handle(DecideSupplementaryBudgetBySenketsu)} applies, changing nothing
     * (the balance of its 会計 included, which the handler leaves to the balance guard of the lines' events).
     */
    public FiscalYear check(DecideSupplementaryBudgetBySenketsu command) {
        check(command.bill(), command.change());
        return command.bill().fiscalYear();
    }

    private SupplementaryBudgetEnacted enact(SupplementaryBill bill, LocalDate on, BillProcedure procedure) throws Exception {
        ChangeContext change = bill.changeFrom(on);
        Numbered numbered = number(bill.fiscalYear(), items.series(bill.fiscalYear(), bill.items(), change));
        List<SupplementaryBudgetEnacted.Item> applied = items.apply(bill.budgetId(), bill.fiscalYear(), bill.items(), change);
        SupplementaryBudgetEnacted enacted = new SupplementaryBudgetEnacted(bill.budgetId(), bill.fiscalYear(), bill.name(), bill.reference(),
                on, applied, change, procedure, numbered.accountKey(), numbered.number(), numbered.title(), bill.billNumber());
        budgets.newInstance(() -> new SupplementaryBudget(enacted));
        return enacted;
    }

    @CommandHandler
    public SupplementaryBudgetSubmitted handle(SubmitSupplementaryBudget command) throws Exception {
        SupplementaryBill bill = command.bill();
        Numbered numbered = number(bill.fiscalYear(), check(bill, command.change()));
        SupplementaryBudgetSubmitted submitted = new SupplementaryBudgetSubmitted(bill.budgetId(), bill.fiscalYear(), bill.name(),
                bill.reference(), bill.billNumber(), numbered.accountKey(), numbered.number(), numbered.title(), command.submittedOn(),
                bill.items(), command.change());
        budgets.newInstance(() -> new SupplementaryBudget(submitted));
        return submitted;
    }

    /** Checks {@code command} against every rule {@link #handle(SubmitSupplementaryBudget)} applies, changing nothing. */
    public FiscalYear check(SubmitSupplementaryBudget command) {
        check(command.bill(), command.change());
        return command.bill().fiscalYear();
    }

    private BillItems.Series check(SupplementaryBill bill, ChangeContext change) {
        return items.check(bill.fiscalYear(), bill.items(), change);
    }

    /**
     * Records the resolution and, unless it is a rejection, puts the passed or amended items in force from its date.
     *
     * @return the budget's version after the resolution
     * @throws UnknownSupplementaryBudgetException when there is no such budget
     */
    @CommandHandler
    public long handle(ResolveSupplementaryBudget command) throws Exception {
        Aggregate<SupplementaryBudget> budget;
        try {
            budget = budgets.load(command.budgetId().value());
        } catch (AggregateNotFoundException e) {
            throw new UnknownSupplementaryBudgetException(command.budgetId());
        }
        List<SupplementaryItem> inForce = budget.invoke(b -> b.resolve(command));
        if (!inForce.isEmpty()) {
            FiscalYear fiscalYear = budget.invoke(SupplementaryBudget::fiscalYear);
            ChangeContext change = budget.invoke(b -> b.resolution(command));
            List<SupplementaryBudgetEnacted.Item> applied = items.apply(command.budgetId(), fiscalYear, inForce, change);
            budget.execute(b -> b.enact(command.resolvedOn(), applied, change));
        }
        return budget.version();
    }
}
