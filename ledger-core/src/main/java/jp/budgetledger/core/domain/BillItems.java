package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.ChangeCause;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import jp.budgetledger.core.api.SupplementaryItem;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The items of a supplementary budget against the lines: which 会計's series the bill belongs to, every rule its items
 * would break (checked without changing anything), and their application, all items or none. Lines are loaded in id
 * order, so that two budgets over the same lines cannot wait on each other.
 */
final class BillItems {

    private final Repository<Initiative> initiatives;
    private final InitiativeRegistry registry;
    private final SubjectTable subjects;
    private final AccountBalances balances;

    BillItems(Repository<Initiative> initiatives, InitiativeRegistry registry, SubjectTable subjects, AccountBalances balances) {
        this.initiatives = initiatives;
        this.registry = registry;
        this.subjects = subjects;
        this.balances = balances;
    }

    /** The 会計 whose series numbers a bill: {@code account} null for the series of lines without one. */
    record Series(SubjectLevel account) {

        String key() {
            return account == null ? SupplementaryBudgetNumbers.UNCLASSIFIED : account.key();
        }

        String printed() {
            if (account == null) {
                return "no 会計";
            }
            return account.code() == null ? account.name() : account.code() + " " + account.name();
        }
    }

    /**
     * Checks {@code items} against every rule their application would apply now, and the balance of their 会計 after them
     * (unless {@code change} is flagged as part of a set), changing nothing.
     *
     * @return the bill's series
     * @throws ItemRejectedException for the first item that breaks a rule
     * @throws BillAcrossAccountsException when the items are in more than one 会計
     * @throws UnbalancedAccountException when the 会計 would be left unbalanced
     */
    Series check(FiscalYear fiscalYear, List<SupplementaryItem> items, ChangeContext change) {
        return check(fiscalYear, items, change, true);
    }

    /**
     * As {@link #check(FiscalYear, List, ChangeContext)}, but without the balance of the 会計: for items applied in the same unit
     * of work, whose events the balance guard checks once they are all applied (after the rules of every item).
     */
    Series series(FiscalYear fiscalYear, List<SupplementaryItem> items, ChangeContext change) {
        return check(fiscalYear, items, change, false);
    }

    private Series check(FiscalYear fiscalYear, List<SupplementaryItem> items, ChangeContext change, boolean balance) {
        List<Integer> order = order(items);
        Series series = null;
        long revenue = 0;
        long expenditure = 0;
        long revenueLines = 0;
        long expenditureLines = 0;
        for (int index : order) {
            SupplementaryItem item = items.get(index);
            Classification classification;
            long delta;
            try {
                if (item.addsLine()) {
                    Initiative.checkNew(addition(fiscalYear, item, change));
                    classification = item.newLine().classification();
                    delta = item.newLine().amount().yen();
                } else {
                    Aggregate<Initiative> line = line(fiscalYear, item.initiativeId());
                    line.invoke(l -> l.checkDelta(item.delta(), change));
                    if (item.carryoverLimit() != null) {
                        line.execute(l -> l.checkCarryoverLimitAfter(item.delta(), item.carryoverLimit()));
                    }
                    classification = line.invoke(Initiative::classification);
                    delta = item.delta().yen();
                }
            } catch (LedgerRuleViolation violation) {
                throw new ItemRejectedException(index, violation);
            }
            Series of = new Series(classification == null ? null : classification.account());
            if (series == null) {
                series = of;
            } else if (!Objects.equals(series.key(), of.key())) {
                throw new BillAcrossAccountsException(series.printed(), of.printed());
            }
            if (classification != null) {
                int added = item.addsLine() ? 1 : 0;
                if (classification.side() == Side.REVENUE) {
                    revenue = Math.addExact(revenue, delta);
                    revenueLines += added;
                } else {
                    expenditure = Math.addExact(expenditure, delta);
                    expenditureLines += added;
                }
            }
        }
        if (balance && series.account() != null) {
            AccountBalance now = balances.of(fiscalYear, series.key());
            new AccountBalance(Math.addExact(now.revenueYen(), revenue), now.revenueLines() + revenueLines,
                    Math.addExact(now.expenditureYen(), expenditure), now.expenditureLines() + expenditureLines)
                    .requireBalanced(fiscalYear, series.printed(), change.flaggedAsPartOfSet());
        }
        return series;
    }

    /**
     * Puts {@code items} in force with {@code change}, as part of supplementary budget {@code budgetId}: new lines are added,
     * existing lines changed by their differences, and the 繰越明許費 limits the items set are recorded with the budget as basis.
     *
     * @return each line's difference, in the order of {@code items}
     * @throws ItemRejectedException for the first item that breaks a rule (nothing of the unit of work is then kept)
     */
    List<SupplementaryBudgetEnacted.Item> apply(SupplementaryBudgetId budgetId, FiscalYear fiscalYear, List<SupplementaryItem> items,
                                                ChangeContext change) throws Exception {
        ChangeCause cause = ChangeCause.supplementaryBudget(budgetId.value());
        SupplementaryBudgetEnacted.Item[] applied = new SupplementaryBudgetEnacted.Item[items.size()];
        for (int index : order(items)) {
            SupplementaryItem item = items.get(index);
            try {
                if (item.addsLine()) {
                    AddInitiative add = addition(fiscalYear, item, change);
                    initiatives.newInstance(() -> new Initiative(add, registry, subjects, null, budgetId));
                    applied[index] = new SupplementaryBudgetEnacted.Item(item.initiativeId(), item.newLine().amount(), true);
                } else {
                    Aggregate<Initiative> line = line(fiscalYear, item.initiativeId());
                    line.invoke(l -> l.applyDelta(item.delta(), change, cause));
                    if (item.carryoverLimit() != null) {
                        line.execute(l -> l.limitBy(item.carryoverLimit(), budgetId, change));
                    }
                    applied[index] = new SupplementaryBudgetEnacted.Item(item.initiativeId(), item.delta(), false);
                }
            } catch (LedgerRuleViolation violation) {
                throw new ItemRejectedException(index, violation);
            }
        }
        return List.of(applied);
    }

    /** The items' indexes checked for shape and duplicates: changes of existing lines first, in id order, then new lines. */
    private static List<Integer> order(List<SupplementaryItem> items) {
        List<Integer> order = new ArrayList<>();
        Set<InitiativeId> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            SupplementaryItem item = items.get(i);
            if (item.initiativeId() == null || (item.delta() == null) == (item.newLine() == null)) {
                throw new ItemRejectedException(i, new InvalidItemException(Concept.LINE,
                        "each item is either a change of an existing line (initiativeId, deltaYen) or a new line"));
            }
            if (!seen.add(item.initiativeId())) {
                throw new ItemRejectedException(i, new InvalidItemException(Concept.LINE,
                        "line " + item.initiativeId() + " appears twice in this budget"));
            }
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> items.get(i).addsLine()).thenComparing(i -> items.get(i).initiativeId().value()));
        return order;
    }

    private static AddInitiative addition(FiscalYear fiscalYear, SupplementaryItem item, ChangeContext change) {
        var line = item.newLine();
        return new AddInitiative(item.initiativeId(), fiscalYear, line.category(), line.department(), line.name(), line.amount(),
                line.summary(), change, line.classification(), item.carryoverLimit());
    }

    private Aggregate<Initiative> line(FiscalYear fiscalYear, InitiativeId id) {
        Aggregate<Initiative> line;
        try {
            line = initiatives.load(id.value());
        } catch (AggregateNotFoundException e) {
            throw new UnknownLineException(Concept.LINE, id);
        }
        FiscalYear lineYear = line.invoke(Initiative::fiscalYear);
        if (!lineYear.equals(fiscalYear)) {
            throw new FiscalYearMismatchException(Concept.LINE, lineYear, fiscalYear);
        }
        return line;
    }
}
