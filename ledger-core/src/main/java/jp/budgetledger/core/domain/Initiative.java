package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.AmendAmount;
import jp.budgetledger.core.api.AmendmentResult;
import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.AmountCarriedOver;
import jp.budgetledger.core.api.CarriedFrom;
import jp.budgetledger.core.api.CarryoverKind;
import jp.budgetledger.core.api.CarryoverLimitSet;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeCause;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.ContinuingExpenseId;
import jp.budgetledger.core.api.CorrectEvent;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.InitiativeRevised;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.ReassignInitiative;
import jp.budgetledger.core.api.RecordCarryover;
import jp.budgetledger.core.api.ReviseInitiative;
import jp.budgetledger.core.api.SetCarryoverLimit;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import jp.budgetledger.core.api.WithdrawInitiative;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One budget line (事業). Command handlers check the rules and apply events; event sourcing
 * handlers only assign state.
 * <p>
 * Every change of amount is a difference that holds from its effective date on: the amount in
 * force on a day is the sum of the differences effective on or before it, whatever order they
 * were recorded in. A new amount is a convenience that records the difference between
 * the requested amount and the line's amount with every recorded change. The amount must stay
 * zero or more on every day from the change's effective date on, so that a backdated decrease
 * cannot make a past day negative. Changes take effect within the fiscal year (a new line may
 * also take effect in the March before it, for an initial budget resolved then), never before
 * the line itself, and a withdrawn line does not change any more.
 */
public class Initiative {

    @AggregateIdentifier
    private InitiativeId id;
    private FiscalYear fiscalYear;
    private Category category;
    private Classification classification;
    private Department department;
    private String name;
    private String summary;
    private Money amount;
    private LocalDate effectiveFrom;
    private LocalDate withdrawnOn;
    private final TreeMap<LocalDate, Long> changesByEffectiveDate = new TreeMap<>();
    private final Map<Long, Amendment> amendments = new HashMap<>();
    private final Set<Long> corrected = new HashSet<>();
    private long version;
    private CarriedFrom carriedFrom;
    private Money carryoverLimit;
    private String carryoverLimitBasis;
    private long carriedUnderLimit;
    private long carriedTotal;

    /** A recorded amendment: when it takes effect, by how much, and as part of what. */
    private record Amendment(LocalDate effectiveDate, long delta, ChangeCause cause) {
    }

    protected Initiative() {
    }

    @CommandHandler
    public Initiative(AddInitiative command, InitiativeRegistry registry, SubjectTable subjects) {
        this(command, registry, subjects, null);
    }

    /** A new line; {@code continuingExpense} names the 継続費 whose share of the year it holds (null for none). */
    Initiative(AddInitiative command, InitiativeRegistry registry, SubjectTable subjects, ContinuingExpenseId continuingExpense) {
        this(command, registry, subjects, continuingExpense, null);
    }

    /**
     * A new line; {@code continuingExpense} as above; {@code limitBasis} the supplementary budget that adds it, the basis of the
     * command's 繰越明許費 limit (null for the 当初予算).
     */
    Initiative(AddInitiative command, InitiativeRegistry registry, SubjectTable subjects, ContinuingExpenseId continuingExpense,
               SupplementaryBudgetId limitBasis) {
        DepartmentScope.require(command.department());
        if (command.amount().isNegative()) {
            throw new NegativeAmountException(Concept.LINE_AMOUNT, command.amount());
        }
        if (command.carryoverLimit() != null) {
            requireLimitWithin(command.carryoverLimit(), command.amount(), command.classification());
        }
        ChangeContext change = resolve(command.change(), command.fiscalYear(), true);
        InitiativeKey key = InitiativeKey.of(command.fiscalYear(), command.department(), command.name(), command.classification());
        registry.claim(key, command.initiativeId()).ifPresent(existing -> {
            throw new DuplicateInitiativeException(key, existing);
        });
        if (command.classification() != null) {
            SubjectNames.claim(subjects, command.fiscalYear(), command.classification(), command.initiativeId());
        }
        apply(new InitiativeAdded(command.initiativeId(), command.fiscalYear(), command.category(),
                command.department(), command.name(), command.amount(), command.summary(), change, command.classification(),
                continuingExpense));
        if (command.carryoverLimit() != null) {
            apply(new CarryoverLimitSet(command.initiativeId(), command.fiscalYear(), command.carryoverLimit(), null,
                    limitBasis == null ? null : limitBasis.value(), change));
        }
    }

    /** A line a carry-over opens ({@code added} has its {@link InitiativeAdded#carriedFrom()}), claiming its own key and its 科目. */
    private Initiative(InitiativeAdded added, InitiativeRegistry registry, SubjectTable subjects) {
        InitiativeKey key = InitiativeKey.carried(added.fiscalYear(), added.department(), added.carriedFrom().carryoverId());
        registry.claim(key, added.initiativeId()).ifPresent(existing -> {
            throw new DuplicateInitiativeException(key, existing);
        });
        if (added.classification() != null) {
            SubjectNames.claim(subjects, added.fiscalYear(), added.classification(), added.initiativeId());
        }
        apply(added);
    }

    /** Opens the line of N+1 that {@link #carryOver} recorded, as {@link #carriedLine} describes it. */
    static Initiative carried(InitiativeAdded added, InitiativeRegistry registry, SubjectTable subjects) {
        return new Initiative(added, registry, subjects);
    }

    /**
     * Sets the line's 繰越明許費 limit (the caller has checked the budget it cites).
     *
     * @return the line's version after the change
     */
    long setCarryoverLimit(SetCarryoverLimit command) {
        DepartmentScope.require(department);
        requireVersion(command.expectedVersion());
        Money limit = command.limit();
        checkCarryoverLimit(limit, amount);
        String basis = command.supplementaryBudgetId() == null ? null : command.supplementaryBudgetId().value();
        if (limit.equals(carryoverLimit) && Objects.equals(basis, carryoverLimitBasis)) {
            throw new NothingChangesException(Concept.CARRYOVER_LIMIT);
        }
        ChangeContext change = resolveForLine(command.change());
        apply(new CarryoverLimitSet(id, fiscalYear, limit, carryoverLimit, basis, change));
        return version;
    }

    /**
     * Sets the line's 繰越明許費 limit as part of supplementary budget {@code basis} that changes the line in the same unit of work
     * (after its difference), with the budget's change context.
     */
    void limitBy(Money limit, SupplementaryBudgetId basis, ChangeContext requested) {
        DepartmentScope.require(department);
        checkCarryoverLimit(limit, amount);
        apply(new CarryoverLimitSet(id, fiscalYear, limit, carryoverLimit, basis.value(), resolveForLine(requested)));
    }

    /** Checks that {@link #limitBy} would accept {@code limit} after the line is changed by {@code delta}, changing nothing. */
    void checkCarryoverLimitAfter(Money delta, Money limit) {
        checkCarryoverLimit(limit, amount.plus(delta));
    }

    /** Checks that a 繰越明許費 limit of {@code limit} could be set on this line were its amount {@code lineAmount}. */
    private void checkCarryoverLimit(Money limit, Money lineAmount) {
        requireActive();
        if (carriedFrom != null) {
            throw new CarryoverException(CarryoverException.CARRIED_LINE, Concept.CARRYOVER_LIMIT,
                    "a line carried from fiscal year " + carriedFrom.fiscalYear().value() + " is outside the budget and has no 繰越明許費");
        }
        requireLimitWithin(limit, lineAmount, classification);
        if (limit.yen() < carriedUnderLimit) {
            throw new CarryoverException(CarryoverException.LIMIT_BELOW_CARRIED, Concept.CARRYOVER_LIMIT,
                    "the 繰越明許費 (" + limit.yen() + " yen) is less than what was carried under it already (" + carriedUnderLimit + " yen)");
        }
    }

    /** A limit of an 歳出 (or unclassified) line, not negative and not above the line's amount. */
    private static void requireLimitWithin(Money limit, Money lineAmount, Classification classification) {
        requireCarriable(classification, Concept.CARRYOVER_LIMIT);
        if (limit.isNegative()) {
            throw new NegativeAmountException(Concept.CARRYOVER_LIMIT, limit);
        }
        if (limit.compareTo(lineAmount) > 0) {
            throw new CarryoverException(CarryoverException.LIMIT_ABOVE_AMOUNT, Concept.CARRYOVER_LIMIT,
                    "the 繰越明許費 (" + limit.yen() + " yen) is more than the line's amount (" + lineAmount.yen() + " yen)");
        }
    }

    /**
     * Records the carry of {@code command}'s amount into the next fiscal year (the line keeps its amount), effective on the
     * year's last day unless the command says another day of the year.
     *
     * @return the line's version after the record
     */
    long carryOver(RecordCarryover command) {
        DepartmentScope.require(department);
        requireActive();
        requireCarriable(Concept.SOURCE_LINE);
        Money carried = command.amount();
        try {
            if (command.funding().hasNegativePart() || !command.funding().total().equals(carried)) {
                throw fundingMismatch(command);
            }
        } catch (Money.AmountOutOfRangeException e) {
            throw fundingMismatch(command);
        }
        if (command.kind() == CarryoverKind.EXPLICIT) {
            if (carriedFrom != null) {
                throw new CarryoverException(CarryoverException.CARRIED_LINE, Concept.SOURCE_LINE,
                        "a line carried from fiscal year " + carriedFrom.fiscalYear().value() + " has no 繰越明許費; only a 事故繰越し can carry it on");
            }
            if (carryoverLimit == null) {
                throw new CarryoverException(CarryoverException.NO_LIMIT, Concept.CARRYOVER_AMOUNT,
                        "the line has no 繰越明許費; set one by a budget first, or record a 事故繰越し");
            }
            long room = carryoverLimit.yen() - carriedUnderLimit;
            if (carried.yen() > room) {
                throw new CarryoverException(CarryoverException.LIMIT_EXCEEDED, Concept.CARRYOVER_AMOUNT,
                        "the 繰越明許費 is " + carryoverLimit.yen() + " yen and " + carriedUnderLimit + " yen were carried under it already: at most "
                                + room + " yen can be carried, not " + carried.yen());
            }
        }
        long yearEnd = changesByEffectiveDate.headMap(fiscalYear.lastDay(), true).values().stream().mapToLong(Long::longValue).sum();
        if (carried.yen() > yearEnd - carriedTotal) {
            throw new CarryoverException(CarryoverException.EXCEEDS_LINE, Concept.CARRYOVER_AMOUNT,
                    "the line has " + yearEnd + " yen in force on " + fiscalYear.lastDay() + " and " + carriedTotal
                            + " yen were carried from it already: at most " + (yearEnd - carriedTotal) + " yen can be carried, not " + carried.yen());
        }
        ChangeContext change = resolveForLine(command.change().withDefaultEffectiveDate(fiscalYear.lastDay()));
        apply(new AmountCarriedOver(command.carryoverId(), command.kind(), id, fiscalYear, command.carriedLineId(), carried,
                command.funding(), carryoverLimit, command.accidentReason(), command.decidedOn(), change));
        return version;
    }

    /** The addition of the line {@code command} opens in the next fiscal year: this line's department, category, 科目 and name, from 1 April. */
    InitiativeAdded carriedLine(RecordCarryover command) {
        FiscalYear next = FiscalYear.of(fiscalYear.value() + 1);
        ChangeContext change = new ChangeContext(next.firstDay(), command.change().reason(), command.change().reference());
        return new InitiativeAdded(command.carriedLineId(), next, category, department, name, command.amount(), summary, change,
                classification, new CarriedFrom(id, fiscalYear, command.kind(), command.carryoverId()));
    }

    private CarryoverException fundingMismatch(RecordCarryover command) {
        return new CarryoverException(CarryoverException.FUNDING_MISMATCH, Concept.FUNDING,
                "the parts of the funding must be zero or more and sum to the carried amount (" + command.amount().yen() + " yen)");
    }

    /** Only 歳出 lines and lines without a classification are carried. */
    private void requireCarriable(Concept concept) {
        requireCarriable(classification, concept);
    }

    private static void requireCarriable(Classification classification, Concept concept) {
        if (classification != null && classification.side() == Side.REVENUE) {
            throw new CarryoverException(CarryoverException.REVENUE_SIDE, concept,
                    "only 歳出 lines are carried into the next fiscal year, not a line of 歳入");
        }
    }

    /**
     * Checks that {@link #Initiative(AddInitiative, InitiativeRegistry, SubjectTable)} would accept {@code command}'s amount
     * and effective date, changing nothing (its name and 科目 are claimed only when the line is added).
     */
    static void checkNew(AddInitiative command) {
        DepartmentScope.require(command.department());
        if (command.amount().isNegative()) {
            throw new NegativeAmountException(Concept.LINE_AMOUNT, command.amount());
        }
        if (command.carryoverLimit() != null) {
            requireLimitWithin(command.carryoverLimit(), command.amount(), command.classification());
        }
        resolve(command.change(), command.fiscalYear(), true);
    }

    @CommandHandler
    public AmendmentResult handle(AmendAmount command) {
        DepartmentScope.require(department);
        requireVersion(command.expectedVersion());
        Money delta;
        try {
            delta = command.newAmount() != null ? command.newAmount().minus(amount) : command.delta();
        } catch (Money.AmountOutOfRangeException e) {
            throw new AmountOverflowException(Concept.AMOUNT_CHANGE);
        }
        applyDelta(delta, command.change(), null);
        return new AmendmentResult(id, version, amount);
    }

    /**
     * Changes the amount by {@code delta} as part of {@code cause} (a transfer, a supplementary
     * budget; null for a plain amendment), under the same rules as an amendment. A broken rule
     * names {@link Concept#AMOUNT_CHANGE} (or the effective date).
     *
     * @return the line's version after the change
     */
    public long applyDelta(Money delta, ChangeContext requested, ChangeCause cause) {
        ChangeContext change = checkDelta(delta, requested);
        apply(new AmountAmended(id, fiscalYear, category, department, amount, amount.plus(delta), change, cause));
        return version;
    }

    /**
     * Checks that {@link #applyDelta} would accept {@code delta} now, changing nothing.
     *
     * @return the change context the change would be recorded with
     */
    public ChangeContext checkDelta(Money delta, ChangeContext requested) {
        DepartmentScope.require(department);
        requireActive();
        Money after;
        try {
            after = amount.plus(delta);
        } catch (Money.AmountOutOfRangeException e) {
            throw new AmountOverflowException(Concept.AMOUNT_CHANGE);
        }
        if (after.isNegative()) {
            throw new NegativeAmountException(Concept.AMOUNT_CHANGE, after);
        }
        if (after.equals(amount)) {
            throw new UnchangedAmountException(Concept.AMOUNT_CHANGE, amount);
        }
        ChangeContext change = resolveForLine(requested);
        requireNonNegativeFrom(change.effectiveDate(), delta, Concept.AMOUNT_CHANGE);
        return change;
    }

    public FiscalYear fiscalYear() {
        return fiscalYear;
    }

    /** The line's 会計, side and 科目 path; null for an unclassified line. */
    public Classification classification() {
        return classification;
    }

    @CommandHandler
    public long handle(WithdrawInitiative command) {
        DepartmentScope.require(department);
        requireVersion(command.expectedVersion());
        requireActive();
        ChangeContext change = resolveForLine(command.change());
        apply(new InitiativeWithdrawn(id, fiscalYear, category, department, amount, command.kind(), command.mergedInto(), change));
        return version;
    }

    @CommandHandler
    public long handle(ReviseInitiative command, InitiativeRegistry registry) {
        DepartmentScope.require(department);
        requireVersion(command.expectedVersion());
        requireActive();
        String newName = command.name() == null ? name : command.name();
        String newSummary = command.summary() == null ? summary : command.summary();
        if (newName.equals(name) && Objects.equals(newSummary, summary)) {
            throw new NothingChangesException(command.name() != null ? Concept.NAME : Concept.SUMMARY);
        }
        ChangeContext change = resolveForLine(command.change());
        rekey(registry, department, newName, classification);
        apply(new InitiativeRevised(id, fiscalYear, department, name, newName, summary, newSummary, change));
        return version;
    }

    @CommandHandler
    public long handle(ReassignInitiative command, InitiativeRegistry registry, SubjectTable subjects) {
        DepartmentScope.require(department);
        requireVersion(command.expectedVersion());
        requireActive();
        Department newDepartment = command.department() == null ? department : command.department();
        DepartmentScope.require(newDepartment);
        Category newCategory = command.category() == null ? category : command.category();
        if (command.subject() != null && classification == null) {
            throw new UnclassifiedLineException();
        }
        Classification newClassification = command.subject() == null ? classification : classification.withSubject(command.subject());
        if (newDepartment.key().equals(department.key()) && Objects.equals(newCategory, category)
                && Objects.equals(newClassification, classification)) {
            throw new NothingChangesException(command.subject() != null ? Concept.SUBJECT
                    : command.department() != null ? Concept.DEPARTMENT : Concept.CATEGORY);
        }
        ChangeContext change = resolveForLine(command.change());
        rekey(registry, newDepartment, name, newClassification);
        if (!Objects.equals(newClassification, classification)) {
            SubjectNames.release(subjects, fiscalYear, classification, id);
            SubjectNames.claim(subjects, fiscalYear, newClassification, id);
        }
        apply(new InitiativeReassigned(id, fiscalYear, department, newDepartment, category, newCategory, amount, change,
                classification, newClassification));
        return version;
    }

    @CommandHandler
    public long handle(CorrectEvent command) {
        DepartmentScope.require(department);
        requireVersion(command.expectedVersion());
        requireActive();
        if (command.sequence() > version) {
            throw new NoSuchEventException(command.sequence());
        }
        Amendment amendment = amendments.get(command.sequence());
        if (amendment == null || amendment.cause() != null) {
            throw new CorrectionNotAllowedException(command.sequence() == 0
                    ? "the line's addition cannot be corrected; withdraw the line instead"
                    : "event " + command.sequence() + " is not a plain amendment; reverse it with a transfer, a supplementary budget "
                    + "or a revision instead");
        }
        if (corrected.contains(command.sequence())) {
            throw new AlreadyCorrectedException(command.sequence());
        }
        Money delta = Money.ofYen(-amendment.delta());
        Money after = amount.plus(delta);
        if (after.isNegative()) {
            throw new NegativeAmountException(Concept.CORRECTED_EVENT, after);
        }
        requireNonNegativeFrom(amendment.effectiveDate(), delta, Concept.CORRECTED_EVENT);
        ChangeContext change = command.change().from(amendment.effectiveDate());
        apply(new AmountAmended(id, fiscalYear, category, department, amount, after, change,
                ChangeCause.correction(command.sequence())));
        return version;
    }

    private void rekey(InitiativeRegistry registry, Department newDepartment, String newName, Classification newClassification) {
        InitiativeKey current = key(department, name, classification);
        InitiativeKey next = key(newDepartment, newName, newClassification);
        if (!next.equals(current)) {
            registry.claim(next, id).ifPresent(existing -> {
                throw new DuplicateInitiativeException(next, existing);
            });
            registry.release(current, id);
        }
    }

    private InitiativeKey key(Department inDepartment, String withName, Classification withClassification) {
        return carriedFrom != null ? InitiativeKey.carried(fiscalYear, inDepartment, carriedFrom.carryoverId())
                : InitiativeKey.of(fiscalYear, inDepartment, withName, withClassification);
    }

    /** An If-Match version must name the line's current version exactly. */
    private void requireVersion(Long expected) {
        if (expected != null && expected != version) {
            throw new ConflictingAggregateVersionException(id.value(), expected, version);
        }
    }

    private void requireActive() {
        if (withdrawnOn != null) {
            throw new InitiativeWithdrawnException(withdrawnOn);
        }
    }

    /** The amount in force on each day from {@code from} on, plus {@code delta}, must not be negative. */
    private void requireNonNegativeFrom(LocalDate from, Money delta, Concept concept) {
        long inForce = changesByEffectiveDate.headMap(from, true).values().stream().mapToLong(Long::longValue).sum();
        long lowest = inForce;
        for (long change : changesByEffectiveDate.tailMap(from, false).values()) {
            inForce += change;
            lowest = Math.min(lowest, inForce);
        }
        if (lowest + delta.yen() < 0) {
            throw new NegativeAmountException(concept, Money.ofYen(lowest + delta.yen()));
        }
    }

    private ChangeContext resolveForLine(ChangeContext requested) {
        ChangeContext change = resolve(requested, fiscalYear, false);
        if (change.effectiveDate().isBefore(effectiveFrom)) {
            throw new EffectiveDateBeforeLineException(change.effectiveDate(), effectiveFrom);
        }
        return change;
    }

    private static ChangeContext resolve(ChangeContext change, FiscalYear fiscalYear, boolean newLine) {
        ChangeContext resolved = change.withDefaultEffectiveDate(fiscalYear.firstDay());
        LocalDate date = resolved.effectiveDate();
        boolean precedingMarch = newLine && date.getYear() == fiscalYear.value() && date.getMonthValue() == 3;
        if (!fiscalYear.contains(date) && !precedingMarch) {
            throw new EffectiveDateOutsideFiscalYearException(date, fiscalYear);
        }
        return resolved;
    }

    @EventSourcingHandler
    void on(InitiativeAdded event, @SequenceNumber long sequence) {
        id = event.initiativeId();
        fiscalYear = event.fiscalYear();
        category = event.category();
        classification = event.classification();
        department = event.department();
        name = event.name();
        summary = event.summary();
        amount = event.amount();
        effectiveFrom = event.change().effectiveDate();
        changesByEffectiveDate.merge(effectiveFrom, event.amount().yen(), Long::sum);
        carriedFrom = event.carriedFrom();
        version = sequence;
    }

    @EventSourcingHandler
    void on(CarryoverLimitSet event, @SequenceNumber long sequence) {
        carryoverLimit = event.limit();
        carryoverLimitBasis = event.supplementaryBudgetId();
        version = sequence;
    }

    @EventSourcingHandler
    void on(AmountCarriedOver event, @SequenceNumber long sequence) {
        carriedTotal += event.amount().yen();
        if (event.kind() == CarryoverKind.EXPLICIT) {
            carriedUnderLimit += event.amount().yen();
        }
        version = sequence;
    }

    @EventSourcingHandler
    void on(AmountAmended event, @SequenceNumber long sequence) {
        amount = event.amountAfter();
        changesByEffectiveDate.merge(event.change().effectiveDate(), event.delta().yen(), Long::sum);
        amendments.put(sequence, new Amendment(event.change().effectiveDate(), event.delta().yen(), event.cause()));
        if (event.cause() != null && ChangeCause.CORRECTION.equals(event.cause().kind())) {
            corrected.add(Long.parseLong(event.cause().id()));
        }
        version = sequence;
    }

    @EventSourcingHandler
    void on(InitiativeWithdrawn event, @SequenceNumber long sequence) {
        withdrawnOn = event.change().effectiveDate();
        amount = Money.ZERO;
        version = sequence;
    }

    @EventSourcingHandler
    void on(InitiativeRevised event, @SequenceNumber long sequence) {
        name = event.nameAfter();
        summary = event.summaryAfter();
        version = sequence;
    }

    @EventSourcingHandler
    void on(InitiativeReassigned event, @SequenceNumber long sequence) {
        department = event.departmentAfter();
        category = event.categoryAfter();
        if (event.classificationAfter() != null) {
            classification = event.classificationAfter();
        }
        version = sequence;
    }
}
