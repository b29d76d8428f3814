package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.ChangeCause;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.EnactSupplementaryBudget;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.FundsTransferred;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.SupplementaryItem;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.TransferResult;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Commands that change several lines at once: a transfer and a supplementary budget. Each runs in
 * one unit of work, so all its lines change or none do. Lines are loaded in id order, so that two
 * such commands over the same lines cannot wait on each other.
 */
public class MultiLineHandlers {

    private final Repository<Initiative> initiatives;
    private final Repository<Transfer> transfers;
    private final Repository<SupplementaryBudget> budgets;
    private final InitiativeRegistry registry;
    private final SubjectTable subjects;

    public MultiLineHandlers(Repository<Initiative> initiatives, Repository<Transfer> transfers,
                             Repository<SupplementaryBudget> budgets, InitiativeRegistry registry, SubjectTable subjects) {
        this.initiatives = initiatives;
        this.transfers = transfers;
        this.budgets = budgets;
        this.registry = registry;
        this.subjects = subjects;
    }

    @CommandHandler
    public TransferResult handle(TransferFunds command) throws Exception {
        PreparedTransfer transfer = prepare(command);
        ChangeCause cause = ChangeCause.transfer(command.transferId().value());
        long fromVersion = transfer.from().invoke(line -> line.applyDelta(command.amount().negate(), transfer.change(), cause));
        long toVersion = transfer.to().invoke(line -> line.applyDelta(command.amount(), transfer.change(), cause));
        FundsTransferred transferred = new FundsTransferred(command.transferId(), transfer.fiscalYear(), command.fromId(), command.toId(),
                command.amount(), transfer.change());
        transfers.newInstance(() -> new Transfer(transferred));
        return new TransferResult(command.transferId(), fromVersion, toVersion);
    }

    /** Checks {@code command} against every rule {@link #handle(TransferFunds)} applies, changing nothing. */
    public void check(TransferFunds command) {
        PreparedTransfer transfer = prepare(command);
        transfer.from().invoke(line -> line.checkDelta(command.amount().negate(), transfer.change()));
        transfer.to().invoke(line -> line.checkDelta(command.amount(), transfer.change()));
    }

    private record PreparedTransfer(Aggregate<Initiative> from, Aggregate<Initiative> to, FiscalYear fiscalYear, ChangeContext change) {
    }

    private PreparedTransfer prepare(TransferFunds command) {
        boolean fromFirst = command.fromId().value().compareTo(command.toId().value()) < 0;
        Aggregate<Initiative> first = load(fromFirst ? command.fromId() : command.toId(), fromFirst ? Concept.SOURCE_LINE : Concept.DESTINATION_LINE);
        Aggregate<Initiative> second = load(fromFirst ? command.toId() : command.fromId(), fromFirst ? Concept.DESTINATION_LINE : Concept.SOURCE_LINE);
        Aggregate<Initiative> from = fromFirst ? first : second;
        Aggregate<Initiative> to = fromFirst ? second : first;
        FiscalYear fiscalYear = from.invoke(Initiative::fiscalYear);
        if (!to.invoke(Initiative::fiscalYear).equals(fiscalYear)) {
            throw new FiscalYearMismatchException(Concept.DESTINATION_LINE, to.invoke(Initiative::fiscalYear), fiscalYear);
        }
        return new PreparedTransfer(from, to, fiscalYear, command.change().withDefaultEffectiveDate(fiscalYear.firstDay()));
    }

    @CommandHandler
    public SupplementaryBudgetEnacted handle(EnactSupplementaryBudget command) throws Exception {
        ChangeCause cause = ChangeCause.supplementaryBudget(command.budgetId().value());
        var change = command.change();
        List<Integer> order = new ArrayList<>();
        Set<InitiativeId> seen = new HashSet<>();
        for (int i = 0; i < command.items().size(); i++) {
            SupplementaryItem item = command.items().get(i);
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
        order.sort(Comparator.comparing((Integer i) -> command.items().get(i).isNewLine())
                .thenComparing(i -> command.items().get(i).initiativeId().value()));
        List<SupplementaryBudgetEnacted.Item> applied = new ArrayList<>();
        for (int index : order) {
            SupplementaryItem item = command.items().get(index);
            try {
                if (item.isNewLine()) {
                    var line = item.newLine();
                    AddInitiative add = new AddInitiative(item.initiativeId(), command.fiscalYear(), line.category(), line.department(),
                            line.name(), line.amount(), line.summary(), change, line.classification());
                    initiatives.newInstance(() -> new Initiative(add, registry, subjects));
                    applied.add(new SupplementaryBudgetEnacted.Item(item.initiativeId(), line.amount(), true));
                } else {
                    Aggregate<Initiative> line = load(item.initiativeId(), Concept.LINE);
                    var lineYear = line.invoke(Initiative::fiscalYear);
                    if (!lineYear.equals(command.fiscalYear())) {
                        throw new FiscalYearMismatchException(Concept.LINE, lineYear, command.fiscalYear());
                    }
                    line.invoke(l -> l.applyDelta(item.delta(), change, cause));
                    applied.add(new SupplementaryBudgetEnacted.Item(item.initiativeId(), item.delta(), false));
                }
            } catch (LedgerRuleViolation violation) {
                throw new ItemRejectedException(index, violation);
            }
        }
        SupplementaryBudgetEnacted enacted = new SupplementaryBudgetEnacted(command.budgetId(), command.fiscalYear(), command.name(),
                command.reference(), command.resolvedOn(), itemsInRequestOrder(command, applied),
                change.withDefaultEffectiveDate(command.resolvedOn()));
        budgets.newInstance(() -> new SupplementaryBudget(enacted));
        return enacted;
    }

    private static List<SupplementaryBudgetEnacted.Item> itemsInRequestOrder(EnactSupplementaryBudget command,
                                                                           List<SupplementaryBudgetEnacted.Item> applied) {
        List<SupplementaryBudgetEnacted.Item> items = new ArrayList<>(applied);
        items.sort(Comparator.comparingInt(a -> indexOf(command, a.initiativeId())));
        return items;
    }

    private static int indexOf(EnactSupplementaryBudget command, InitiativeId id) {
        for (int i = 0; i < command.items().size(); i++) {
            if (command.items().get(i).initiativeId().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private Aggregate<Initiative> load(InitiativeId id, Concept line) {
        try {
            return initiatives.load(id.value());
        } catch (AggregateNotFoundException e) {
            throw new UnknownLineException(line, id);
        }
    }
}
