package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.AnnualShare;
import jp.budgetledger.core.api.CarryForwardContinuingExpense;
import jp.budgetledger.core.api.ChangeCause;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.ContinuingExpenseCarriedForward;
import jp.budgetledger.core.api.ContinuingExpenseId;
import jp.budgetledger.core.api.ContinuingExpenseRegistered;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.LedgerEvent;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.RegisterContinuingExpense;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 継続費: shares that sum to the total over consecutive years, one line per year, and 逓次繰越 of an unused share into the next
 * year up to the last one. The lines live in their own in-memory event store, so that their events can be read apart.
 */
class ContinuingExpenseTest {

    private static final ContinuingExpenseId ID = ContinuingExpenseId.of("ce-1");
    private static final FiscalYear Y1 = FiscalYear.of(2030);
    private static final FiscalYear Y2 = FiscalYear.of(2031);
    private static final FiscalYear Y3 = FiscalYear.of(2032);
    private static final InitiativeId L1 = InitiativeId.of("ce-line-1");
    private static final InitiativeId L2 = InitiativeId.of("ce-line-2");
    private static final InitiativeId L3 = InitiativeId.of("ce-line-3");
    private static final Department KENSETSU = Department.of("建設課");
    private static final Classification SCHOOL = new Classification(SubjectLevel.of("1", "一般会計"), Side.EXPENDITURE,
            Subject.of(SubjectLevel.of("10", "教育費"), SubjectLevel.of("2", "小学校費"), SubjectLevel.of("3", "学校建設費")), null);
    private static final ChangeContext CHANGE = new ChangeContext(null, "当初予算 第2表 継続費", "議案第1号");
    private static final List<AnnualShare> SHARES = List.of(share(Y1, 100_000, L1), share(Y2, 300_000, L2), share(Y3, 600_000, L3));

    private FixtureConfiguration<ContinuingExpense> fixture;
    private EventStore lines;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ContinuingExpense.class);
        lines = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        InitiativeTest.InMemoryRegistry registry = new InitiativeTest.InMemoryRegistry();
        InMemorySubjectTable subjects = new InMemorySubjectTable();
        var resources = MultiParameterResolverFactory.ordered(ClasspathParameterResolverFactory.forClass(Initiative.class),
                new SimpleResourceParameterResolverFactory(List.of(registry, subjects)));
        EventSourcingRepository<Initiative> initiatives = EventSourcingRepository.builder(Initiative.class).eventStore(lines)
                .parameterResolverFactory(resources).build();
        EventSourcingRepository<SupplementaryBudget> budgets = EventSourcingRepository.builder(SupplementaryBudget.class).eventStore(lines)
                .parameterResolverFactory(resources).build();
        fixture.registerAnnotatedCommandHandler(new ContinuingExpenseHandlers(fixture.getRepository(), initiatives, budgets, registry,
                subjects));
    }

    private static AnnualShare share(FiscalYear year, long yen, InitiativeId line) {
        return new AnnualShare(year, Money.ofYen(yen), line);
    }

    private static RegisterContinuingExpense register(long total, List<AnnualShare> shares) {
        return new RegisterContinuingExpense(ID, Y1, "第一小学校改築事業", KENSETSU, null, SCHOOL, Money.ofYen(total), shares, null, CHANGE);
    }

    private static ContinuingExpenseRegistered registered() {
        return new ContinuingExpenseRegistered(ID, Y1, "第一小学校改築事業", KENSETSU, null, SCHOOL, Money.ofYen(1_000_000), SHARES, null,
                CHANGE.from(Y1.firstDay()));
    }

    /** The share lines as the registration records them, in the lines' store. */
    private void shareLines() {
        for (AnnualShare share : SHARES) {
            lines.publish(new GenericDomainEventMessage<>("Initiative", share.initiativeId().value(), 0, new InitiativeAdded(
                    share.initiativeId(), share.fiscalYear(), null, KENSETSU, "第一小学校改築事業", share.amount(), null,
                    CHANGE.from(share.fiscalYear().firstDay()), SCHOOL, ID)));
        }
    }

    private List<Object> lineEvents(InitiativeId id) {
        return lines.readEvents(id.value()).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    private static CarryForwardContinuingExpense carry(FiscalYear from, long yen) {
        return new CarryForwardContinuingExpense(ID, from, Money.ofYen(yen), new ChangeContext(null, "逓次繰越", "繰越計算書"));
    }

    @Test
    void registeringRecordsOneLinePerYearHoldingItsShareFromTheFirstOfApril() {
        fixture.givenNoPriorActivity()
                .when(register(1_000_000, SHARES))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
        for (AnnualShare share : SHARES) {
            List<Object> events = lineEvents(share.initiativeId());
            assertThat(events).hasSize(1);
            InitiativeAdded added = (InitiativeAdded) events.get(0);
            assertThat(added.fiscalYear()).isEqualTo(share.fiscalYear());
            assertThat(added.amount()).isEqualTo(share.amount());
            assertThat(added.change().effectiveDate()).isEqualTo(share.fiscalYear().firstDay());
            assertThat(added.continuingExpenseId()).isEqualTo(ID);
            assertThat(added.classification()).isEqualTo(SCHOOL);
        }
    }

    @Test
    void sharesThatDoNotSumToTheTotalAreRefusedNamingBothSumsAndRecordNothing() {
        fixture.givenNoPriorActivity()
                .when(register(1_000_001, SHARES))
                .expectException(ContinuingExpenseException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("1000000"),
                        org.hamcrest.Matchers.containsString("1000001")))
                .expectNoEvents();
        assertThat(lineEvents(L1)).isEmpty();
    }

    @Test
    void sharesMustBeConsecutiveYearsFromTheFirstAndSpanAtLeastTwo() {
        assertThatThrownBy(() -> ContinuingExpense.checkShares(Y1, Money.ofYen(400_000),
                List.of(share(Y1, 100_000, L1), share(Y3, 300_000, L3))))
                .isInstanceOfSatisfying(ContinuingExpenseException.class,
                        e -> assertThat(e.rule()).isEqualTo(ContinuingExpenseException.SHARES_NOT_CONSECUTIVE));
        assertThatThrownBy(() -> ContinuingExpense.checkShares(Y1, Money.ofYen(100_000), List.of(share(Y1, 100_000, L1))))
                .isInstanceOfSatisfying(ContinuingExpenseException.class,
                        e -> assertThat(e.rule()).isEqualTo(ContinuingExpenseException.SINGLE_YEAR));
        assertThatThrownBy(() -> ContinuingExpense.checkShares(Y1, Money.ofYen(0), List.of(share(Y1, -1, L1), share(Y2, 1, L2))))
                .isInstanceOf(NegativeAmountException.class);
        assertThatThrownBy(() -> ContinuingExpense.checkShares(Y1, Money.ofYen(0),
                List.of(share(Y1, Long.MAX_VALUE, L1), share(Y2, Long.MAX_VALUE, L2))))
                .isInstanceOf(AmountOverflowException.class);
    }

    @Test
    void aRevenueSideContinuingExpenseIsRefused() {
        Classification revenue = new Classification(SCHOOL.account(), Side.REVENUE, SCHOOL.subject(), null);
        fixture.givenNoPriorActivity()
                .when(new RegisterContinuingExpense(ID, Y1, "歳入", KENSETSU, null, revenue, Money.ofYen(1_000_000), SHARES, null, CHANGE))
                .expectException(ContinuingExpenseException.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownSupplementaryBudgetAsBasisIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContinuingExpense(ID, Y1, "第一小学校改築事業", KENSETSU, null, SCHOOL, Money.ofYen(1_000_000), SHARES,
                        "sb-none", CHANGE))
                .expectException(ContinuingExpenseException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("sb-none"))
                .expectNoEvents();
    }

    @Test
    void aCarryForwardGrowsTheNextYearsShareLineFromItsFirstOfAprilAndLeavesTheYearsOwn() {
        shareLines();
        fixture.given(registered())
                .when(carry(Y1, 40_000))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ContinuingExpenseCarriedForward(ID, Y1, Y2, Money.ofYen(40_000), L1, L2,
                        new ChangeContext(Y1.lastDay(), "逓次繰越", "繰越計算書")));
        assertThat(lineEvents(L1)).hasSize(1);
        List<Object> next = lineEvents(L2);
        assertThat(next).hasSize(2);
        AmountAmended amended = (AmountAmended) next.get(1);
        assertThat(amended.delta()).isEqualTo(Money.ofYen(40_000));
        assertThat(amended.change().effectiveDate()).isEqualTo(Y2.firstDay());
        assertThat(amended.cause()).isEqualTo(ChangeCause.continuingExpense(ID.value()));
    }

    @Test
    void aCarryForwardFromTheLastYearIsRefused() {
        shareLines();
        fixture.given(registered())
                .when(carry(Y3, 1_000))
                .expectException(ContinuingExpenseException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("last year"))
                .expectNoEvents();
        assertThat(lineEvents(L3)).hasSize(1);
    }

    @Test
    void aCarryForwardOverTheUnusedShareIsRefusedCountingWhatWasCarriedInAndOut() {
        shareLines();
        ContinuingExpenseCarriedForward first = new ContinuingExpenseCarriedForward(ID, Y1, Y2, Money.ofYen(40_000), L1, L2,
                new ChangeContext(Y1.lastDay(), "逓次繰越", null));
        ContinuingExpenseCarriedForward second = new ContinuingExpenseCarriedForward(ID, Y2, Y3, Money.ofYen(300_000), L2, L3,
                new ChangeContext(Y2.lastDay(), "逓次繰越", null));
        fixture.given(registered(), first, second)
                .when(carry(Y2, 40_001))
                .expectException(ContinuingExpenseException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("at most 40000 yen"))
                .expectNoEvents();
        fixture.given(registered(), first)
                .when(carry(Y1, 60_001))
                .expectException(ContinuingExpenseException.class)
                .expectNoEvents();
    }

    @Test
    void aCarryForwardOfAnEndedYearIsPermittedByTheYearEndRulesWithTheNextYearsLineButARegistrationIsNot() {
        FiscalYear ended = FiscalYear.of(2001);
        ContinuingExpenseCarriedForward carried = new ContinuingExpenseCarriedForward(ID, ended, FiscalYear.of(2002), Money.ofYen(1),
                L1, L2, new ChangeContext(ended.lastDay(), "逓次繰越", null));
        AmountAmended grown = new AmountAmended(L2, FiscalYear.of(2002), null, KENSETSU, Money.ofYen(10), Money.ofYen(11),
                new ChangeContext(FiscalYear.of(2002).firstDay(), "逓次繰越", null), ChangeCause.continuingExpense(ID.value()));
        LocalDate today = LocalDate.of(2026, 12, 2);
        YearEndRules.check(List.of(grown, carried), year -> false, today);
        List<LedgerEvent> registration = new ArrayList<>();
        registration.add(new ContinuingExpenseRegistered(ID, ended, "x", KENSETSU, null, SCHOOL, Money.ofYen(2),
                List.of(share(ended, 1, L1), share(FiscalYear.of(2002), 1, L2)), null, new ChangeContext(ended.firstDay(), "当初", null)));
        assertThatThrownBy(() -> YearEndRules.check(registration, year -> false, today)).isInstanceOf(FiscalYearEndedException.class);
        assertThatThrownBy(() -> YearEndRules.check(List.of(grown, carried), year -> year.equals(ended), today))
                .isInstanceOf(FiscalYearClosedException.class);
    }
}
