package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.ChangeCause;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.FundsTransferred;
import jp.budgetledger.core.api.GeneralProvisionsId;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.ReserveFund;
import jp.budgetledger.core.api.ReserveFundUseResult;
import jp.budgetledger.core.api.ReserveFundUsed;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.TransferResult;
import jp.budgetledger.core.api.UseReserveFund;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;


/**
 * Commands that change several lines at once: a transfer and a use of a reserve fund (supplementary budgets:
 * {@link SupplementaryBudgetHandlers}). Each runs in
 * one unit of work, so all its lines change or none do. Lines are loaded in id order, so that two
 * such commands over the same lines cannot wait on each other.
 */
public class MultiLineHandlers {

    private final Repository<Initiative> initiatives;
    private final Repository<Transfer> transfers;
    private final Repository<ReserveFundUse> reserveFundUses;
    private final Repository<BudgetProvisions> provisions;

    public MultiLineHandlers(Repository<Initiative> initiatives, Repository<Transfer> transfers,
                             Repository<ReserveFundUse> reserveFundUses, Repository<BudgetProvisions> provisions) {
        this.initiatives = initiatives;
        this.transfers = transfers;
        this.reserveFundUses = reserveFundUses;
        this.provisions = provisions;
    }

    @CommandHandler
    public TransferResult handle(TransferFunds command) throws Exception {
        PreparedTransfer transfer = prepare(command);
        long[] versions = transfer.lines().move(command.amount(), transfer.change(), ChangeCause.transfer(command.transferId().value()));
        FundsTransferred transferred = new FundsTransferred(command.transferId(), transfer.lines().fiscalYear(), command.fromId(),
                command.toId(), command.amount(), transfer.change(), transfer.level(), command.clause());
        transfers.newInstance(() -> new Transfer(transferred));
        return new TransferResult(command.transferId(), versions[0], versions[1], transfer.level(), command.clause());
    }

    /**
     * Checks {@code command} against every rule {@link #handle(TransferFunds)} applies, changing nothing.
     *
     * @return the fiscal year of its lines
     */
    public FiscalYear check(TransferFunds command) {
        PreparedTransfer transfer = prepare(command);
        transfer.lines().check(command.amount(), transfer.change());
        return transfer.lines().fiscalYear();
    }

    private record PreparedTransfer(LinePair lines, String level, ChangeContext change) {
    }

    private PreparedTransfer prepare(TransferFunds command) {
        LinePair lines = loadPair(command.fromId(), command.toId());
        String level = TransferLevels.check(lines.from().invoke(Initiative::classification), lines.to().invoke(Initiative::classification),
                command.clause(), () -> provisionsOf(lines.fiscalYear()));
        return new PreparedTransfer(lines, level, lines.resolve(command.change()));
    }

    @CommandHandler
    public ReserveFundUseResult handle(UseReserveFund command) throws Exception {
        LinePair lines = prepare(command);
        ChangeContext change = lines.resolve(command.change());
        long[] versions;
        try {
            versions = lines.move(command.amount(), change, ChangeCause.reserveFund(command.useId().value()));
        } catch (NegativeAmountException e) {
            throw reserveExceeded(e);
        }
        ReserveFundUsed used = new ReserveFundUsed(command.useId(), lines.fiscalYear(), command.fromId(), command.toId(),
                command.amount(), change);
        reserveFundUses.newInstance(() -> new ReserveFundUse(used));
        return new ReserveFundUseResult(command.useId(), versions[0], versions[1]);
    }

    /** Checks {@code command} against every rule {@link #handle(UseReserveFund)} applies, changing nothing. */
    public FiscalYear check(UseReserveFund command) {
        LinePair lines = prepare(command);
        try {
            lines.check(command.amount(), lines.resolve(command.change()));
        } catch (NegativeAmountException e) {
            throw reserveExceeded(e);
        }
        return lines.fiscalYear();
    }

    private LinePair prepare(UseReserveFund command) {
        LinePair lines = loadPair(command.fromId(), command.toId());
        Classification reserve = lines.from().invoke(Initiative::classification);
        Classification into = lines.to().invoke(Initiative::classification);
        if (!ReserveFund.is(reserve)) {
            throw new ReserveFundUseException(ReserveFundUseException.NOT_A_RESERVE_FUND, Concept.SOURCE_LINE,
                    "the source is not a 予備費 (a line whose 款 is named 予備費)");
        }
        if (into == null || !into.account().key().equals(reserve.account().key())) {
            throw new ReserveFundUseException(ReserveFundUseException.ACROSS_ACCOUNT, Concept.DESTINATION_LINE,
                    "a 予備費 is used for a line of its own 会計 (" + reserve.account().name() + ")");
        }
        if (into.side() != Side.EXPENDITURE) {
            throw new ReserveFundUseException(ReserveFundUseException.REVENUE_SIDE, Concept.DESTINATION_LINE,
                    "a 予備費 is used for a line of 歳出, not of " + into.side().japanese());
        }
        if (ReserveFund.is(into)) {
            throw new ReserveFundUseException(ReserveFundUseException.INTO_RESERVE, Concept.DESTINATION_LINE,
                    "a 予備費 cannot be used for a 予備費");
        }
        return lines;
    }

    private static ReserveFundUseException reserveExceeded(NegativeAmountException e) {
        return new ReserveFundUseException(ReserveFundUseException.EXCEEDED, Concept.AMOUNT_CHANGE,
                "the use is more than the 予備費 has on some day from its effective date: " + e.getMessage());
    }

    /** The two lines of a move from one to the other, loaded in id order, of one fiscal year. */
    private record LinePair(Aggregate<Initiative> from, Aggregate<Initiative> to, FiscalYear fiscalYear) {

        ChangeContext resolve(ChangeContext requested) {
            return requested.withDefaultEffectiveDate(fiscalYear.firstDay());
        }

        /** Moves {@code amount}, as part of {@code cause}; the lines' new versions, source first. */
        long[] move(Money amount, ChangeContext change, ChangeCause cause) {
            long fromVersion = from.invoke(line -> line.applyDelta(amount.negate(), change, cause));
            long toVersion = to.invoke(line -> line.applyDelta(amount, change, cause));
            return new long[]{fromVersion, toVersion};
        }

        void check(Money amount, ChangeContext change) {
            from.invoke(line -> line.checkDelta(amount.negate(), change));
            to.invoke(line -> line.checkDelta(amount, change));
        }
    }

    private LinePair loadPair(InitiativeId fromId, InitiativeId toId) {
        boolean fromFirst = fromId.value().compareTo(toId.value()) < 0;
        Aggregate<Initiative> first = load(fromFirst ? fromId : toId, fromFirst ? Concept.SOURCE_LINE : Concept.DESTINATION_LINE);
        Aggregate<Initiative> second = load(fromFirst ? toId : fromId, fromFirst ? Concept.DESTINATION_LINE : Concept.SOURCE_LINE);
        Aggregate<Initiative> from = fromFirst ? first : second;
        Aggregate<Initiative> to = fromFirst ? second : first;
        FiscalYear fiscalYear = from.invoke(Initiative::fiscalYear);
        if (!to.invoke(Initiative::fiscalYear).equals(fiscalYear)) {
            throw new FiscalYearMismatchException(Concept.DESTINATION_LINE, to.invoke(Initiative::fiscalYear), fiscalYear);
        }
        return new LinePair(from, to, fiscalYear);
    }

    /** The year's 予算総則 as far as transfers go; none registered: no clause, nothing barred. */
    private GeneralProvisions provisionsOf(FiscalYear fiscalYear) {
        try {
            return provisions.load(GeneralProvisionsId.of(fiscalYear)).invoke(BudgetProvisions::provisions);
        } catch (AggregateNotFoundException e) {
            return new GeneralProvisions();
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
