package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AnnualShare;
import jp.budgetledger.core.api.CarryForwardContinuingExpense;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.ContinuingExpenseCarriedForward;
import jp.budgetledger.core.api.ContinuingExpenseId;
import jp.budgetledger.core.api.ContinuingExpenseRegistered;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A 継続費 (地方自治法 第212条): a project over consecutive fiscal years with a total and a share (年割額) per year, each share a
 * line of its year. An unused share of a year may be carried into the next (逓次繰越, 施行令第145条第1項), up to the last year:
 * at most the year's share plus what was carried into it minus what was already carried out of it (the ledger tracks no
 * payments, so "unused" is what the officer enters, within that bound).
 */
public class ContinuingExpense {

    @AggregateIdentifier
    private ContinuingExpenseId id;
    private final TreeMap<FiscalYear, AnnualShare> shares = new TreeMap<>();
    private final Map<FiscalYear, Long> carriedIn = new HashMap<>();
    private final Map<FiscalYear, Long> carriedOut = new HashMap<>();
    private long version;

    protected ContinuingExpense() {
    }

    ContinuingExpense(ContinuingExpenseRegistered registered) {
        apply(registered);
    }

    /**
     * Checks the shares of a new 継続費: at least two, one per consecutive year from {@code firstYear}, each zero or more,
     * summing exactly to {@code total}.
     */
    static void checkShares(FiscalYear firstYear, Money total, List<AnnualShare> shares) {
        if (total.isNegative()) {
            throw new NegativeAmountException(Concept.CONTINUING_EXPENSE, total);
        }
        if (shares.size() < 2) {
            throw new ContinuingExpenseException(ContinuingExpenseException.SINGLE_YEAR, Concept.ANNUAL_SHARE,
                    "a 継続費 spans at least two fiscal years; give a share (年割額) for each (given " + shares.size() + ")");
        }
        long sum = 0;
        for (int i = 0; i < shares.size(); i++) {
            AnnualShare share = shares.get(i);
            int expected = firstYear.value() + i;
            if (share.fiscalYear().value() != expected) {
                throw new ContinuingExpenseException(ContinuingExpenseException.SHARES_NOT_CONSECUTIVE, Concept.ANNUAL_SHARE,
                        "share " + (i + 1) + " is for fiscal year " + share.fiscalYear().value() + "; the shares are one per consecutive "
                                + "fiscal year from " + firstYear.value() + " (expected " + expected + ")");
            }
            if (share.amount().isNegative()) {
                throw new NegativeAmountException(Concept.ANNUAL_SHARE, share.amount());
            }
            try {
                sum = Math.addExact(sum, share.amount().yen());
            } catch (ArithmeticException e) {
                throw new AmountOverflowException(Concept.ANNUAL_SHARE);
            }
        }
        if (sum != total.yen()) {
            throw new ContinuingExpenseException(ContinuingExpenseException.SHARES_DO_NOT_SUM, Concept.ANNUAL_SHARE,
                    "the shares (年割額) sum to " + sum + " yen, the total (総額) is " + total.yen() + " yen; they must be equal");
        }
    }

    /** Where a 逓次繰越 goes: the line of the year it leaves and the line of the next year. */
    record Carry(FiscalYear from, FiscalYear to, InitiativeId fromLine, InitiativeId toLine) {
    }

    /** Checks {@code command} against the 継続費's period and what is unused of the year, changing nothing. */
    Carry planCarry(CarryForwardContinuingExpense command) {
        FiscalYear from = command.fromYear();
        if (command.amount().yen() <= 0) {
            throw new ContinuingExpenseException(ContinuingExpenseException.CARRY_NOT_POSITIVE, Concept.CARRYOVER_AMOUNT,
                    "the amount carried forward must be more than zero (given " + command.amount().yen() + " yen)");
        }
        FiscalYear last = shares.lastKey();
        if (!shares.containsKey(from) || from.equals(last)) {
            throw new ContinuingExpenseException(ContinuingExpenseException.CARRY_FROM_LAST_YEAR, Concept.PERIOD,
                    "a 逓次繰越 goes from a year of the 継続費's period (" + shares.firstKey().value() + "–" + last.value()
                            + ") into the next, so not from " + from.value()
                            + (from.equals(last) ? ", its last year" : ", a year outside it"));
        }
        long unused = unused(from);
        if (command.amount().yen() > unused) {
            throw new ContinuingExpenseException(ContinuingExpenseException.CARRY_EXCEEDS_UNUSED, Concept.CARRYOVER_AMOUNT,
                    "at most " + unused + " yen of fiscal year " + from.value() + " can be carried forward (its share "
                            + shares.get(from).amount().yen() + " + carried in " + carriedIn.getOrDefault(from, 0L)
                            + " − already carried out " + carriedOut.getOrDefault(from, 0L) + "); asked for " + command.amount().yen());
        }
        FiscalYear to = FiscalYear.of(from.value() + 1);
        return new Carry(from, to, shares.get(from).initiativeId(), shares.get(to).initiativeId());
    }

    /** Records the 逓次繰越 planned by {@link #planCarry}, once the next year's line has grown by it. */
    long carry(Carry carry, CarryForwardContinuingExpense command) {
        apply(new ContinuingExpenseCarriedForward(id, carry.from(), carry.to(), command.amount(), carry.fromLine(), carry.toLine(),
                command.change().from(carry.from().lastDay())));
        return version;
    }

    private long unused(FiscalYear year) {
        return shares.get(year).amount().yen() + carriedIn.getOrDefault(year, 0L) - carriedOut.getOrDefault(year, 0L);
    }

    @EventSourcingHandler
    void on(ContinuingExpenseRegistered event, @SequenceNumber long sequence) {
        id = event.continuingExpenseId();
        event.shares().forEach(share -> shares.put(share.fiscalYear(), share));
        version = sequence;
    }

    @EventSourcingHandler
    void on(ContinuingExpenseCarriedForward event, @SequenceNumber long sequence) {
        carriedOut.merge(event.fiscalYear(), event.amount().yen(), Long::sum);
        carriedIn.merge(event.toYear(), event.amount().yen(), Long::sum);
        version = sequence;
    }
}
