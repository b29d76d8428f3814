package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AbolishDebtCommitment;
import jp.budgetledger.core.api.AmendDebtCommitment;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.DebtCommitmentAbolished;
import jp.budgetledger.core.api.DebtCommitmentAmended;
import jp.budgetledger.core.api.DebtCommitmentId;
import jp.budgetledger.core.api.DebtCommitmentSet;
import jp.budgetledger.core.api.DebtLimit;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.SetDebtCommitment;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import jp.budgetledger.core.api.SupplementaryBudgetSubmitted;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * 債務負担行為: set in the 当初予算 or a supplementary budget in force of the same year, amended and abolished only by a
 * supplementary budget in force of the year that set it, the period never ending before it starts. The supplementary budgets
 * live in their own in-memory event store.
 */
class DebtCommitmentTest {

    private static final FiscalYear FY = FiscalYear.of(2164);
    private static final DebtCommitmentId ID = DebtCommitmentId.of("dc-1");
    private static final SubjectLevel GENERAL = SubjectLevel.of("1", "一般会計");
    private static final Department KEIKAKU = Department.of("企画部");
    private static final SupplementaryBudgetId SEPTEMBER = SupplementaryBudgetId.of("sb-9");
    private static final SupplementaryBudgetId SUBMITTED = SupplementaryBudgetId.of("sb-submitted");
    private static final SupplementaryBudgetId OTHER_YEAR = SupplementaryBudgetId.of("sb-other-year");
    private static final LocalDate SEPTEMBER_ON = LocalDate.of(2164, 9, 25);
    private static final DebtLimit LIMIT = DebtLimit.of(Money.ofYen(120_000_000), null);

    private FixtureConfiguration<DebtCommitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DebtCommitment.class);
        EventStore budgets = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        budgets.publish(new GenericDomainEventMessage<>("SupplementaryBudget", SEPTEMBER.value(), 0, new SupplementaryBudgetEnacted(SEPTEMBER,
                FY, "9月補正", "議案第50号", SEPTEMBER_ON, List.of(), new ChangeContext(SEPTEMBER_ON, "9月補正", "議案第50号"))));
        budgets.publish(new GenericDomainEventMessage<>("SupplementaryBudget", SUBMITTED.value(), 0, new SupplementaryBudgetSubmitted(SUBMITTED,
                FY, "12月補正", null, null, "1", 2, "令和146年度一般会計補正予算（第2号）", LocalDate.of(2164, 12, 1), List.of(),
                new ChangeContext(LocalDate.of(2164, 12, 1), "12月補正", null))));
        FiscalYear next = FiscalYear.of(2165);
        budgets.publish(new GenericDomainEventMessage<>("SupplementaryBudget", OTHER_YEAR.value(), 0, new SupplementaryBudgetEnacted(OTHER_YEAR,
                next, "翌年度の補正", null, next.firstDay(), List.of(), new ChangeContext(next.firstDay(), "補正", null))));
        EventSourcingRepository<SupplementaryBudget> repository = EventSourcingRepository.builder(SupplementaryBudget.class)
                .eventStore(budgets).build();
        fixture.registerAnnotatedCommandHandler(new DebtCommitmentHandlers(fixture.getRepository(), repository));
    }

    private static SetDebtCommitment set(SupplementaryBudgetId basis, LocalDate effective) {
        return new SetDebtCommitment(ID, FY, "学校給食センター運営委託", GENERAL, KEIKAKU, FiscalYear.of(2165), FiscalYear.of(2169), LIMIT,
                basis, new ChangeContext(effective, "債務負担行為の設定", "議案第10号"));
    }

    private static DebtCommitmentSet setEvent(SupplementaryBudgetId basis, LocalDate effective) {
        return new DebtCommitmentSet(ID, FY, "学校給食センター運営委託", GENERAL, KEIKAKU, FiscalYear.of(2165), FiscalYear.of(2169), LIMIT,
                basis == null ? null : basis.value(), new ChangeContext(effective, "債務負担行為の設定", "議案第10号"));
    }

    private static Matcher<Object> rule(String rule) {
        return new FeatureMatcher<>(equalTo(rule), "a ledger rule", "rule") {
            @Override
            protected String featureValueOf(Object actual) {
                return actual instanceof LedgerRuleViolation violation ? violation.rule() : null;
            }
        };
    }

    @Test
    void aCommitmentOfTheInitialBudgetTakesEffectOnTheFirstOfApril() {
        fixture.givenNoPriorActivity()
                .when(set(null, null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0L)
                .expectEvents(setEvent(null, FY.firstDay()));
    }

    @Test
    void aCommitmentOfASupplementaryBudgetInForceTakesEffectOnTheDayTheBudgetCameIntoForce() {
        fixture.givenNoPriorActivity()
                .when(set(SEPTEMBER, null))
                .expectEvents(setEvent(SEPTEMBER, SEPTEMBER_ON));
    }

    @Test
    void aSupplementaryBudgetStillBeforeTheAssemblyIsRefusedAsNotInForce() {
        fixture.givenNoPriorActivity()
                .when(set(SUBMITTED, null))
                .expectException(rule("supplementary-budget-not-in-force"))
                .expectNoEvents();
    }

    @Test
    void anUnknownSupplementaryBudgetOrOneOfAnotherYearIsRefused() {
        fixture.givenNoPriorActivity()
                .when(set(SupplementaryBudgetId.of("sb-none"), null))
                .expectException(rule("unknown-supplementary-budget"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(set(OTHER_YEAR, null))
                .expectException(rule("supplementary-budget-of-another-year"))
                .expectNoEvents();
    }

    @Test
    void aCommitmentOfTheInitialBudgetMayTakeEffectInTheMarchBefore() {
        fixture.givenNoPriorActivity()
                .when(set(null, LocalDate.of(2164, 3, 20)))
                .expectEvents(setEvent(null, LocalDate.of(2164, 3, 20)));
    }

    @Test
    void aCommitmentTakingEffectAfterItsYearIsRefused() {
        fixture.givenNoPriorActivity()
                .when(set(null, LocalDate.of(2165, 4, 1)))
                .expectException(EffectiveDateOutsideFiscalYearException.class)
                .expectNoEvents();
    }

    @Test
    void aPeriodBeforeTheYearOrEndingBeforeItStartsAndACommitmentWithoutALimitAreInvalid() {
        ChangeContext change = ChangeContext.of("設定");
        assertThatThrownBy(() -> new SetDebtCommitment(ID, FY, "事項", GENERAL, null, FiscalYear.of(2163), FiscalYear.of(2166), LIMIT, null,
                change)).isInstanceOfSatisfying(InvalidValueException.class, e -> equalTo("periodFrom").matches(e.field()));
        assertThatThrownBy(() -> new SetDebtCommitment(ID, FY, "事項", GENERAL, null, FiscalYear.of(2166), FiscalYear.of(2165), LIMIT, null,
                change)).isInstanceOfSatisfying(InvalidValueException.class, e -> equalTo("periodTo").matches(e.field()));
        assertThatThrownBy(() -> DebtLimit.of(null, " ")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anAmendmentBySupplementaryBudgetOfTheYearRecordsTheLimitAndPeriodBeforeAndAfter() {
        DebtLimit after = DebtLimit.of(Money.ofYen(150_000_000), "1億5,000万円に消費税及び地方消費税の額を加えた額");
        fixture.given(setEvent(null, FY.firstDay()))
                .when(new AmendDebtCommitment(ID, SEPTEMBER, after.yen(), after.text(), FiscalYear.of(2170), ChangeContext.of("9月補正")))
                .expectResultMessagePayload(1L)
                .expectEvents(new DebtCommitmentAmended(ID, FY, SEPTEMBER.value(), LIMIT, after, FiscalYear.of(2169), FiscalYear.of(2170),
                        new ChangeContext(SEPTEMBER_ON, "9月補正", null)));
    }

    @Test
    void anAmendmentByABudgetOfAnotherYearOrNotInForceIsRefused() {
        fixture.given(setEvent(null, FY.firstDay()))
                .when(new AmendDebtCommitment(ID, OTHER_YEAR, Money.ofYen(1), null, null, ChangeContext.of("翌年度の補正")))
                .expectException(rule("supplementary-budget-of-another-year"))
                .expectNoEvents();
        fixture.given(setEvent(null, FY.firstDay()))
                .when(new AmendDebtCommitment(ID, SUBMITTED, Money.ofYen(1), null, null, ChangeContext.of("審議中")))
                .expectException(rule("supplementary-budget-not-in-force"))
                .expectNoEvents();
    }

    @Test
    void anAmendmentThatEndsThePeriodBeforeItStartsOrChangesNothingIsRefused() {
        fixture.given(setEvent(null, FY.firstDay()))
                .when(new AmendDebtCommitment(ID, SEPTEMBER, null, null, FiscalYear.of(2164), ChangeContext.of("短縮")))
                .expectException(rule("debt-period-ends-before-start"))
                .expectNoEvents();
        fixture.given(setEvent(null, FY.firstDay()))
                .when(new AmendDebtCommitment(ID, SEPTEMBER, LIMIT.yen(), null, FiscalYear.of(2169), ChangeContext.of("同じ")))
                .expectException(rule("debt-commitment-unchanged"))
                .expectNoEvents();
    }

    @Test
    void aSupplementaryBudgetOfTheYearAbolishesACommitment() {
        fixture.given(setEvent(null, FY.firstDay()))
                .when(new AbolishDebtCommitment(ID, SEPTEMBER, ChangeContext.of("廃止")))
                .expectEvents(new DebtCommitmentAbolished(ID, FY, SEPTEMBER.value(), new ChangeContext(SEPTEMBER_ON, "廃止", null)));
    }

    @Test
    void anAbolishedCommitmentIsNeitherAmendedNorAbolishedAgain() {
        DebtCommitmentAbolished abolished = new DebtCommitmentAbolished(ID, FY, SEPTEMBER.value(), new ChangeContext(SEPTEMBER_ON, "廃止", null));
        fixture.given(setEvent(null, FY.firstDay()), abolished)
                .when(new AmendDebtCommitment(ID, SEPTEMBER, Money.ofYen(1), null, null, ChangeContext.of("増額")))
                .expectException(rule("debt-commitment-abolished"))
                .expectNoEvents();
        fixture.given(setEvent(null, FY.firstDay()), abolished)
                .when(new AbolishDebtCommitment(ID, SEPTEMBER, ChangeContext.of("再廃止")))
                .expectException(rule("debt-commitment-abolished"));
    }

    @Test
    void aSenderLimitedToOtherDepartmentsCannotSetTheDepartmentsCommitment() {
        fixture.givenNoPriorActivity()
                .when(set(null, null), MetaData.with(MetadataKeys.DEPARTMENTS, List.of("総務部")))
                .expectException(DepartmentOutOfScopeException.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownCommitmentIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new AbolishDebtCommitment(DebtCommitmentId.of("dc-none"), SEPTEMBER, ChangeContext.of("廃止")))
                .expectException(AggregateNotFoundException.class);
    }
}
