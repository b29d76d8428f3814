package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.AmendAmount;
import jp.budgetledger.core.api.AmendmentResult;
import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.LocalDate;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One budget line (事業). Command handlers check the rules and apply events; event sourcing
 * handlers only assign state.
 * <p>
 * Every change of amount is a difference that holds from its effective date on: the amount in
 * force on a day is the sum of the differences effective on or before it, whatever order they
 * were recorded in. {@code newAmountYen} is a convenience that records the difference between
 * the requested amount and the line's amount with every recorded change. The amount must stay
 * zero or more on every day from the change's effective date on, so that a backdated decrease
 * cannot make a past day negative.
 */
public class Initiative {

    @AggregateIdentifier
    private InitiativeId id;
    private FiscalYear fiscalYear;
    private Category category;
    private Department department;
    private Money amount;
    private LocalDate effectiveFrom;
    private final TreeMap<LocalDate, Long> changesByEffectiveDate = new TreeMap<>();
    private long version;

    protected Initiative() {
    }

    @CommandHandler
    public Initiative(AddInitiative command, InitiativeRegistry registry) {
        if (command.amount().isNegative()) {
            throw new NegativeAmountException("amountYen", command.amount());
        }
        ChangeContext change = resolve(command.change(), command.fiscalYear());
        InitiativeKey key = InitiativeKey.of(command.fiscalYear(), command.department(), command.name());
        registry.claim(key, command.initiativeId()).ifPresent(existing -> {
            throw new DuplicateInitiativeException(key, existing);
        });
        apply(new InitiativeAdded(command.initiativeId(), command.fiscalYear(), command.category(),
                command.department(), command.name(), command.amount(), command.summary(), change));
    }

    @CommandHandler
    public AmendmentResult handle(AmendAmount command) {
        String field = command.newAmount() != null ? "newAmountYen" : "deltaYen";
        Money after;
        try {
            after = command.newAmount() != null ? command.newAmount() : amount.plus(command.delta());
        } catch (Money.AmountOutOfRangeException e) {
            throw new AmountOverflowException(field);
        }
        if (after.isNegative()) {
            throw new NegativeAmountException(field, after);
        }
        if (after.equals(amount)) {
            throw new UnchangedAmountException(field, amount);
        }
        ChangeContext change = resolve(command.change(), fiscalYear);
        if (change.effectiveDate().isBefore(effectiveFrom)) {
            throw new EffectiveDateBeforeLineException(change.effectiveDate(), effectiveFrom);
        }
        requireNonNegativeFrom(change.effectiveDate(), after.minus(amount), field);
        apply(new AmountAmended(id, fiscalYear, category, department, amount, after, change));
        return new AmendmentResult(id, version, amount);
    }

    /** The amount in force on each day from {@code from} on, plus {@code delta}, must not be negative. */
    private void requireNonNegativeFrom(LocalDate from, Money delta, String field) {
        long inForce = changesByEffectiveDate.headMap(from, true).values().stream().mapToLong(Long::longValue).sum();
        long lowest = inForce;
        for (long change : changesByEffectiveDate.tailMap(from, false).values()) {
            inForce += change;
            lowest = Math.min(lowest, inForce);
        }
        if (lowest + delta.yen() < 0) {
            throw new NegativeAmountException(field, Money.ofYen(lowest + delta.yen()));
        }
    }

    private static ChangeContext resolve(ChangeContext change, FiscalYear fiscalYear) {
        ChangeContext resolved = change.withDefaultEffectiveDate(fiscalYear.firstDay());
        if (!fiscalYear.contains(resolved.effectiveDate())) {
            throw new EffectiveDateOutsideFiscalYearException(resolved.effectiveDate(), fiscalYear);
        }
        return resolved;
    }

    @EventSourcingHandler
    void on(InitiativeAdded event, @SequenceNumber long sequence) {
        id = event.initiativeId();
        fiscalYear = event.fiscalYear();
        category = event.category();
        department = event.department();
        amount = event.amount();
        effectiveFrom = event.change().effectiveDate();
        changesByEffectiveDate.merge(effectiveFrom, event.amount().yen(), Long::sum);
        version = sequence;
    }

    @EventSourcingHandler
    void on(AmountAmended event, @SequenceNumber long sequence) {
        amount = event.amountAfter();
        changesByEffectiveDate.merge(event.change().effectiveDate(), event.delta().yen(), Long::sum);
        version = sequence;
    }
}
