package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AmountCarriedOver;
import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.CarriedFrom;
import jp.budgetledger.core.api.CarryoverFunding;
import jp.budgetledger.core.api.CarryoverId;
import jp.budgetledger.core.api.CarryoverKind;
import jp.budgetledger.core.api.CarryoverLimitSet;
import jp.budgetledger.core.api.CarryoverResult;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.PermittedAfterYearEnd;
import jp.budgetledger.core.api.RecordCarryover;
import jp.budgetledger.core.api.SetCarryoverLimit;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.WithdrawalKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 繰越明許費 limits (地方自治法 第213条) and carry-overs (繰越明許費繰越, 事故繰越し 第220条第3項): the rules on the line, given/when/then,
 * and a recorded carry-over opening the next year's line in the same unit of work (on Axon's bus with an in-memory store).
 */
class CarryoverTest {

    private static final FiscalYear FY = FiscalYear.of(2051);
    private static final InitiativeId ID = InitiativeId.of("line-carry");
    private static final Department DEPT = Department.of("建設課");
    private static final Subject ROAD = new Subject(SubjectLevel.of("8", "土木費"), SubjectLevel.of("2", "道路橋りょう費"),
            SubjectLevel.of("2", "道路新設改良費"), null, null, null);
    private static final Classification EXPENDITURE = new Classification(SubjectLevel.of("1", "一般会計"), Side.EXPENDITURE, ROAD, null);
    private static final Classification REVENUE = new Classification(SubjectLevel.of("1", "一般会計"), Side.REVENUE,
            new Subject(SubjectLevel.of("1", "市税"), SubjectLevel.of("1", "市民税"), SubjectLevel.of("1", "個人"), null, null, null), null);
    private static final ChangeContext INITIAL = new ChangeContext(FY.firstDay(), "当初予算", null);
    private static final ChangeContext LIMIT = new ChangeContext(FY.firstDay(), "第2表 繰越明許費", "議案第1号");

    private FixtureConfiguration<Initiative> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Initiative.class);
        InitiativeTest.InMemoryRegistry registry = new InitiativeTest.InMemoryRegistry();
        InMemorySubjectTable subjects = new InMemorySubjectTable();
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(subjects);
        fixture.registerAnnotatedCommandHandler(new CarryoverHandlers(fixture.getRepository(), null, registry, subjects));
    }

    private static InitiativeAdded added(long yen, Classification classification) {
        return new InitiativeAdded(ID, FY, null, DEPT, "市道改良事業", Money.ofYen(yen), null, INITIAL, classification);
    }

    private static CarryoverLimitSet limitSet(long yen) {
        return new CarryoverLimitSet(ID, FY, Money.ofYen(yen), null, null, LIMIT);
    }

    private static SetCarryoverLimit setLimit(long yen) {
        return new SetCarryoverLimit(ID, null, Money.ofYen(yen), null, LIMIT);
    }

    private static RecordCarryover carry(CarryoverKind kind, long yen, CarryoverFunding funding, String accidentReason) {
        return new RecordCarryover(CarryoverId.of("co-1"), kind, ID, InitiativeId.of("line-next"), Money.ofYen(yen), funding,
                accidentReason, null, new ChangeContext(null, "繰越明許費繰越計算書", "報告第3号"));
    }

    private static RecordCarryover explicit(long yen) {
        return carry(CarryoverKind.EXPLICIT, yen, CarryoverFunding.general(Money.ofYen(yen)), null);
    }

    @Test
    void settingALimitWithinTheLinesAmountRecordsItAsPartOfTheInitialBudget() {
        fixture.given(added(10_000_000, EXPENDITURE))
                .when(setLimit(6_000_000))
                .expectSuccessfulHandlerExecution()
                .expectEvents(limitSet(6_000_000));
    }

    @Test
    void aLaterLimitReplacesTheEarlierOneAndRecordsWhatItReplaced() {
        fixture.given(added(10_000_000, EXPENDITURE), limitSet(6_000_000))
                .when(setLimit(8_000_000))
                .expectEvents(new CarryoverLimitSet(ID, FY, Money.ofYen(8_000_000), Money.ofYen(6_000_000), null, LIMIT));
    }

    @Test
    void aLimitAboveTheLinesAmountIsRefusedNamingTheRule() {
        fixture.given(added(10_000_000, EXPENDITURE))
                .when(setLimit(10_000_001))
                .expectException(CarryoverException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("more than the line's amount"))
                .expectNoEvents();
        assertThatThrownBy(() -> ruleOf(setLimit(10_000_001), added(10_000_000, EXPENDITURE)))
                .hasFieldOrPropertyWithValue("rule", CarryoverException.LIMIT_ABOVE_AMOUNT);
    }

    @Test
    void aNegativeLimitAndALimitOfARevenueLineAreRefused() {
        fixture.given(added(10_000_000, EXPENDITURE)).when(setLimit(-1)).expectException(NegativeAmountException.class).expectNoEvents();
        fixture.given(added(10_000_000, REVENUE)).when(setLimit(1)).expectException(CarryoverException.class).expectNoEvents();
    }

    @Test
    void aLimitCitingAnUnknownSupplementaryBudgetIsRefused() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.send(new AddInitiative(ID, FY, null, DEPT, "市道改良事業", Money.ofYen(1000), null, INITIAL, EXPENDITURE));
        assertThatThrownBy(() -> ledger.send(new SetCarryoverLimit(ID, null, Money.ofYen(500), SupplementaryBudgetId.of("sb-unknown"), LIMIT)))
                .isInstanceOf(CarryoverException.class)
                .hasFieldOrPropertyWithValue("rule", CarryoverException.UNKNOWN_BUDGET)
                .hasFieldOrPropertyWithValue("concept", Concept.BASIS);
        assertThat(ledger.eventsOf(ID)).hasSize(1);
    }

    @Test
    void aCarryAboveTheLimitIsRefusedAndRecordsNothing() {
        fixture.given(added(10_000_000, EXPENDITURE), limitSet(6_000_000))
                .when(explicit(6_000_001))
                .expectException(CarryoverException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("at most 6000000 yen"))
                .expectNoEvents();
    }

    @Test
    void aSecondCarryMayTakeOnlyWhatTheFirstLeftOfTheLimit() {
        AmountCarriedOver first = new AmountCarriedOver(CarryoverId.of("co-0"), CarryoverKind.EXPLICIT, ID, FY, InitiativeId.of("line-0"),
                Money.ofYen(4_000_000), CarryoverFunding.general(Money.ofYen(4_000_000)), Money.ofYen(6_000_000), null, null,
                new ChangeContext(FY.lastDay(), "繰越", null));
        fixture.given(added(10_000_000, EXPENDITURE), limitSet(6_000_000), first)
                .when(explicit(2_000_001))
                .expectException(CarryoverException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("at most 2000000 yen"))
                .expectNoEvents();
    }

    @Test
    void aCarryOfALineWithoutALimitIsRefusedUnlessItIsAnAccident() {
        fixture.given(added(10_000_000, EXPENDITURE))
                .when(explicit(1))
                .expectException(CarryoverException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("no 繰越明許費"))
                .expectNoEvents();
    }

    @Test
    void anAccidentCarryNeedsItsReason() {
        assertThatThrownBy(() -> carry(CarryoverKind.ACCIDENT, 1, CarryoverFunding.general(Money.ofYen(1)), " "))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("accidentReason");
    }

    @Test
    void anAccidentCarryIsLimitedByTheLinesAmountOnTheYearsLastDay() {
        AmountAmended lowered = new AmountAmended(ID, FY, null, DEPT, Money.ofYen(10_000_000), Money.ofYen(3_000_000),
                new ChangeContext(LocalDate.of(2052, 3, 1), "減額", null), null);
        fixture.given(added(10_000_000, EXPENDITURE), lowered)
                .when(carry(CarryoverKind.ACCIDENT, 3_000_001, CarryoverFunding.general(Money.ofYen(3_000_001)), "用地交渉の難航"))
                .expectException(CarryoverException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("at most 3000000 yen"))
                .expectNoEvents();
    }

    @Test
    void fundingThatDoesNotSumToTheAmountIsRefused() {
        CarryoverFunding short1 = new CarryoverFunding(Money.ZERO, Money.ofYen(1_000_000), Money.ofYen(2_000_000), Money.ZERO,
                Money.ofYen(999_999));
        fixture.given(added(10_000_000, EXPENDITURE), limitSet(6_000_000))
                .when(carry(CarryoverKind.EXPLICIT, 4_000_000, short1, null))
                .expectException(CarryoverException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("sum to the carried amount"))
                .expectNoEvents();
    }

    @Test
    void aRevenueLineOrAWithdrawnLineIsNotCarried() {
        fixture.given(added(10_000_000, REVENUE))
                .when(carry(CarryoverKind.ACCIDENT, 1, CarryoverFunding.general(Money.ofYen(1)), "事故"))
                .expectException(CarryoverException.class)
                .expectNoEvents();
        fixture.given(added(10_000_000, EXPENDITURE), new InitiativeWithdrawn(ID, FY, null, DEPT, Money.ofYen(10_000_000),
                        WithdrawalKind.ABOLISHED, null, new ChangeContext(FY.firstDay().plusMonths(1), "廃止", null)))
                .when(carry(CarryoverKind.ACCIDENT, 1, CarryoverFunding.general(Money.ofYen(1)), "事故"))
                .expectException(InitiativeWithdrawnException.class)
                .expectNoEvents();
    }

    @Test
    void aCarryWithinTheLimitRecordsTheCarryOnTheLineAndOpensTheNextYearsLineFromTheFirstOfApril() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.send(new AddInitiative(ID, FY, null, DEPT, "市道改良事業", Money.ofYen(10_000_000), "舗装", INITIAL, EXPENDITURE));
        ledger.send(setLimit(6_000_000));
        CarryoverFunding funding = new CarryoverFunding(Money.ZERO, Money.ofYen(3_000_000), Money.ofYen(2_000_000), Money.ZERO,
                Money.ofYen(1_000_000));
        CarryoverResult result = ledger.send(carry(CarryoverKind.EXPLICIT, 6_000_000, funding, null));

        assertThat(result.fromVersion()).isEqualTo(2);
        List<Object> source = ledger.eventsOf(ID);
        assertThat(source.get(2)).isInstanceOf(AmountCarriedOver.class).isInstanceOf(PermittedAfterYearEnd.class);
        AmountCarriedOver carried = (AmountCarriedOver) source.get(2);
        assertThat(carried.amount()).isEqualTo(Money.ofYen(6_000_000));
        assertThat(carried.change().effectiveDate()).isEqualTo(FY.lastDay());
        assertThat(carried.limit()).isEqualTo(Money.ofYen(6_000_000));
        InitiativeAdded opened = (InitiativeAdded) ledger.eventsOf(InitiativeId.of("line-next")).get(0);
        assertThat(opened.fiscalYear()).isEqualTo(FiscalYear.of(2052));
        assertThat(opened.change().effectiveDate()).isEqualTo(LocalDate.of(2052, 4, 1));
        assertThat(opened.amount()).isEqualTo(Money.ofYen(6_000_000));
        assertThat(opened.classification()).isEqualTo(EXPENDITURE);
        assertThat(opened.name()).isEqualTo("市道改良事業");
        assertThat(opened.carriedFrom()).isEqualTo(new CarriedFrom(ID, FY, CarryoverKind.EXPLICIT, CarryoverId.of("co-1")));

        assertThatThrownBy(() -> ledger.send(new RecordCarryover(CarryoverId.of("co-2"), CarryoverKind.EXPLICIT, ID,
                InitiativeId.of("line-next-2"), Money.ofYen(1), CarryoverFunding.general(Money.ofYen(1)), null, null, ChangeContext.of("再"))))
                .hasFieldOrPropertyWithValue("rule", CarryoverException.LIMIT_EXCEEDED);
    }

    @Test
    void theCarriedLineDoesNotClashWithTheNextYearsOwnLineOfTheSame科目() {
        InMemoryLedger ledger = new InMemoryLedger();
        FiscalYear next = FiscalYear.of(2052);
        ledger.send(new AddInitiative(ID, FY, null, DEPT, "市道改良事業", Money.ofYen(10_000_000), null, INITIAL, EXPENDITURE));
        ledger.send(new AddInitiative(InitiativeId.of("line-own"), next, null, DEPT, "市道改良事業", Money.ofYen(5_000_000), null,
                new ChangeContext(next.firstDay(), "当初予算", null), EXPENDITURE));
        ledger.send(carry(CarryoverKind.ACCIDENT, 2_000_000, CarryoverFunding.general(Money.ofYen(2_000_000)), "工事中の災害"));
        assertThat(ledger.eventsOf(InitiativeId.of("line-next"))).hasSize(1);
    }

    @Test
    void aCarriedLineHasNoLimitOfItsOwn() {
        InitiativeAdded carriedLine = new InitiativeAdded(ID, FY, null, DEPT, "市道改良事業", Money.ofYen(1000), null, INITIAL, EXPENDITURE,
                new CarriedFrom(InitiativeId.of("line-before"), FiscalYear.of(2050), CarryoverKind.EXPLICIT, CarryoverId.of("co-9")));
        fixture.given(carriedLine)
                .when(setLimit(500))
                .expectException(CarryoverException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("outside the budget"))
                .expectNoEvents();
    }

    /** Runs {@code command} on a ledger given {@code history}'s first event as the line's addition. */
    private static void ruleOf(Object command, InitiativeAdded history) {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.send(new AddInitiative(history.initiativeId(), history.fiscalYear(), history.category(), history.department(), history.name(),
                history.amount(), history.summary(), history.change(), history.classification()));
        ledger.send(command);
    }

    private static AddInitiative addWithLimit(long yen, long limitYen, Classification classification) {
        return new AddInitiative(ID, FY, null, DEPT, "市道改良事業", Money.ofYen(yen), null, INITIAL, classification, Money.ofYen(limitYen));
    }

    @Test
    void aNewLineWithALimitRecordsTheLimitOfTheInitialBudgetWithIt() {
        fixture.givenNoPriorActivity()
                .when(addWithLimit(10_000_000, 4_000_000, EXPENDITURE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(added(10_000_000, EXPENDITURE), new CarryoverLimitSet(ID, FY, Money.ofYen(4_000_000), null, null, INITIAL));
    }

    @Test
    void aNewLineWithALimitAboveItsAmountOrOfRevenueIsRefusedWhole() {
        fixture.givenNoPriorActivity()
                .when(addWithLimit(1_000, 1_001, EXPENDITURE))
                .expectException(CarryoverException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("more than the line's amount"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(addWithLimit(1_000, 1, REVENUE))
                .expectException(CarryoverException.class)
                .expectNoEvents();
    }
}
