package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.ChangeCause;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.FundsTransferred;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.TransferResult;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;


/**
 * Commands that change several lines at once: a transfer (supplementary budgets: {@link SupplementaryBudgetHandlers}). Each runs in
 * one unit of work, so all its lines change or none do. Lines are loaded in id order, so that two
 * such commands over the same lines cannot wait on each other.
 */
public class MultiLineHandlers {

    private final Repository<Initiative> initiatives;
    private final Repository<Transfer> transfers;

    public MultiLineHandlers(Repository<Initiative> initiatives, Repository<Transfer> transfers) {
        this.initiatives = initiatives;
        this.transfers = transfers;
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

    private Aggregate<Initiative> load(InitiativeId id, Concept line) {
        try {
            return initiatives.load(id.value());
        } catch (AggregateNotFoundException e) {
            throw new UnknownLineException(line, id);
        }
    }
}
