package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.AmendAmount;
import jp.budgetledger.core.api.AmendmentResult;
import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeCause;
import jp.budgetledger.core.api.CorrectEvent;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.InitiativeRevised;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.core.api.ReassignInitiative;
import jp.budgetledger.core.api.ReviseInitiative;
import jp.budgetledger.core.api.WithdrawInitiative;
import jp.budgetledger.core.api.WithdrawalKind;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class InitiativeTest {

    private static final InitiativeId ID = InitiativeId.of("line-1");
    private static final FiscalYear FY2020 = FiscalYear.of(2020);
    private static final Category SMART = new Category("1", "スマート自治体の推進");
    private static final Department SOMU = Department.of("総務部");

    private FixtureConfiguration<Initiative> fixture;
    private InMemoryRegistry registry;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Initiative.class);
        registry = new InMemoryRegistry();
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(new InMemorySubjectTable());
    }

    private static InitiativeAdded added(long yen) {
        return new InitiativeAdded(ID, FY2020, SMART, SOMU, "スマート自治体推進事業費", Money.ofYen(yen), "AI-OCR",
                new ChangeContext(LocalDate.of(2020, 4, 1), "当初予算", null));
    }

    private static AddInitiative add(long yen, ChangeContext change) {
        return new AddInitiative(ID, FY2020, SMART, SOMU, "スマート自治体推進事業費", Money.ofYen(yen), "AI-OCR", change);
    }

    @Test
    void addingALineRecordsItWithTheEffectiveDateDefaultingToTheFirstDayOfTheFiscalYear() {
        fixture.givenNoPriorActivity()
                .when(add(37_786_000, ChangeContext.of("当初予算")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(added(37_786_000));
    }

    @Test
    void addingKeepsAnExplicitEffectiveDateAndReference() {
        ChangeContext change = new ChangeContext(LocalDate.of(2020, 9, 30), "9月補正", "議案第49号");
        fixture.givenNoPriorActivity()
                .when(add(1000, change))
                .expectEvents(new InitiativeAdded(ID, FY2020, SMART, SOMU, "スマート自治体推進事業費", Money.ofYen(1000),
                        "AI-OCR", change));
    }

    @Test
    void addingANegativeAmountIsRejected() {
        fixture.givenNoPriorActivity()
                .when(add(-1, ChangeContext.of("当初予算")))
                .expectException(NegativeAmountException.class)
                .expectNoEvents();
    }

    @Test
    void addingWithAnEffectiveDateOutsideTheFiscalYearIsRejected() {
        fixture.givenNoPriorActivity()
                .when(add(1000, new ChangeContext(LocalDate.of(2021, 4, 1), "当初予算", null)))
                .expectException(EffectiveDateOutsideFiscalYearException.class)
                .expectNoEvents();
    }

    @Test
    void addingTheSameDepartmentAndNameTwiceInAFiscalYearIsRejectedNamingTheExistingLine() {
        InitiativeId existing = InitiativeId.of("existing");
        registry.claim(InitiativeKey.of(FY2020, SOMU, "スマート自治体推進事業費"), existing);
        fixture.givenNoPriorActivity()
                .when(add(1000, ChangeContext.of("当初予算")))
                .expectException(DuplicateInitiativeException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("existing"))
                .expectNoEvents();
    }

    @Test
    void duplicateDetectionIgnoresFullWidthAndSpacingDifferences() {
        InitiativeId existing = InitiativeId.of("existing");
        registry.claim(InitiativeKey.of(FY2020, SOMU, "ＡＩ－ＯＣＲ　導入"), existing);
        assertThat(registry.claim(InitiativeKey.of(FY2020, Department.of(" 総務部 "), "AI-OCR 導入"), ID))
                .contains(existing);
    }

    @Test
    void amendingToANewAmountRecordsBeforeAndAfter() {
        fixture.given(added(1000))
                .when(AmendAmount.to(ID, Money.ofYen(1500), ChangeContext.of("増額")))
                .expectEvents(new AmountAmended(ID, FY2020, SMART, SOMU, Money.ofYen(1000), Money.ofYen(1500),
                        new ChangeContext(LocalDate.of(2020, 4, 1), "増額", null)))
                .expectResultMessagePayload(new AmendmentResult(ID, 1, Money.ofYen(1500)));
    }

    @Test
    void amendingByADeltaAddsItToTheCurrentAmount() {
        fixture.given(added(1000), new AmountAmended(ID, FY2020, SMART, SOMU, Money.ofYen(1000), Money.ofYen(1500),
                        new ChangeContext(LocalDate.of(2020, 4, 1), "増額", null)))
                .when(AmendAmount.by(ID, Money.ofYen(-700), new ChangeContext(LocalDate.of(2020, 10, 1), "減額", "議案第49号")))
                .expectEvents(new AmountAmended(ID, FY2020, SMART, SOMU, Money.ofYen(1500), Money.ofYen(800),
                        new ChangeContext(LocalDate.of(2020, 10, 1), "減額", "議案第49号")))
                .expectResultMessagePayload(new AmendmentResult(ID, 2, Money.ofYen(800)));
    }

    @Test
    void amendingBelowZeroIsRejected() {
        fixture.given(added(1000))
                .when(AmendAmount.by(ID, Money.ofYen(-1001), ChangeContext.of("減額")))
                .expectException(NegativeAmountException.class)
                .expectNoEvents();
    }

    @Test
    void amendingToZeroIsAllowed() {
        fixture.given(added(1000))
                .when(AmendAmount.to(ID, Money.ZERO, ChangeContext.of("執行停止")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void amendingToTheSameAmountIsRejected() {
        fixture.given(added(1000))
                .when(AmendAmount.to(ID, Money.ofYen(1000), ChangeContext.of("変更なし")))
                .expectException(UnchangedAmountException.class)
                .expectNoEvents();
    }

    @Test
    void amendingByZeroIsRejected() {
        fixture.given(added(1000))
                .when(AmendAmount.by(ID, Money.ZERO, ChangeContext.of("変更なし")))
                .expectException(UnchangedAmountException.class)
                .expectNoEvents();
    }

    @Test
    void amendingBeyondTheRangeOfLongIsRejected() {
        fixture.given(added(Long.MAX_VALUE - 10))
                .when(AmendAmount.by(ID, Money.ofYen(11), ChangeContext.of("増額")))
                .expectException(AmountOverflowException.class)
                .expectNoEvents();
    }

    @Test
    void amendingWithAnEffectiveDateOutsideTheFiscalYearIsRejected() {
        fixture.given(added(1000))
                .when(AmendAmount.to(ID, Money.ofYen(2000), new ChangeContext(LocalDate.of(2020, 3, 31), "増額", null)))
                .expectException(EffectiveDateOutsideFiscalYearException.class)
                .expectNoEvents();
    }

    @Test
    void aChangeCannotTakeEffectBeforeTheLineDoes() {
        fixture.given(new InitiativeAdded(ID, FY2020, SMART, SOMU, "事業", Money.ofYen(1000), null,
                        new ChangeContext(LocalDate.of(2020, 7, 1), "補正で新設", null)))
                .when(AmendAmount.to(ID, Money.ofYen(2000), new ChangeContext(LocalDate.of(2020, 6, 30), "増額", null)))
                .expectException(EffectiveDateBeforeLineException.class)
                .expectNoEvents();
    }

    @Test
    void aBackdatedDecreaseThatWouldMakeAPastDayNegativeIsRejectedEvenIfTheCurrentAmountStaysPositive() {
        // 1,000 from April, +5,000 from October: a backdated -3,000 from July would leave July-September at -2,000.
        fixture.given(added(1000), new AmountAmended(ID, FY2020, SMART, SOMU, Money.ofYen(1000), Money.ofYen(6000),
                        new ChangeContext(LocalDate.of(2020, 10, 1), "増額", null)))
                .when(AmendAmount.by(ID, Money.ofYen(-3000), new ChangeContext(LocalDate.of(2020, 7, 1), "遡及減額", null)))
                .expectException(NegativeAmountException.class)
                .expectNoEvents();
    }

    @Test
    void aBackdatedDecreaseThatKeepsEveryDayNonNegativeIsAccepted() {
        fixture.given(added(1000), new AmountAmended(ID, FY2020, SMART, SOMU, Money.ofYen(1000), Money.ofYen(6000),
                        new ChangeContext(LocalDate.of(2020, 10, 1), "増額", null)))
                .when(AmendAmount.by(ID, Money.ofYen(-1000), new ChangeContext(LocalDate.of(2020, 7, 1), "遡及減額", null)))
                .expectEvents(new AmountAmended(ID, FY2020, SMART, SOMU, Money.ofYen(6000), Money.ofYen(5000),
                        new ChangeContext(LocalDate.of(2020, 7, 1), "遡及減額", null)));
    }

    private static final ChangeContext MARCH = new ChangeContext(LocalDate.of(2020, 3, 25), "当初予算", null);

    @Test
    void aNewLineMayTakeEffectInTheMarchBeforeItsFiscalYearButAChangeMayNot() {
        fixture.givenNoPriorActivity()
                .when(add(1000, MARCH))
                .expectSuccessfulHandlerExecution();
        fixture.given(added(1000))
                .when(AmendAmount.to(ID, Money.ofYen(2000), MARCH))
                .expectException(EffectiveDateOutsideFiscalYearException.class);
    }

    @Test
    void withdrawingALineRecordsItsLastAmountAndThenNothingMoreCanChange() {
        ChangeContext october = new ChangeContext(LocalDate.of(2020, 10, 1), "廃止", "議案第60号");
        fixture.given(added(1000))
                .when(WithdrawInitiative.abolish(ID, null, october))
                .expectEvents(new InitiativeWithdrawn(ID, FY2020, SMART, SOMU, Money.ofYen(1000), WithdrawalKind.ABOLISHED, null, october));
        fixture.given(added(1000), new InitiativeWithdrawn(ID, FY2020, SMART, SOMU, Money.ofYen(1000), WithdrawalKind.ABOLISHED, null, october))
                .when(AmendAmount.by(ID, Money.ofYen(10), ChangeContext.of("増額")))
                .expectException(InitiativeWithdrawnException.class)
                .expectNoEvents();
        fixture.given(added(1000), new InitiativeWithdrawn(ID, FY2020, SMART, SOMU, Money.ofYen(1000), WithdrawalKind.ABOLISHED, null, october))
                .when(WithdrawInitiative.abolish(ID, null, october))
                .expectException(InitiativeWithdrawnException.class);
    }

    @Test
    void aLineCanBeWithdrawnAsMergedIntoAnother() {
        ChangeContext october = new ChangeContext(LocalDate.of(2020, 10, 1), "統合", null);
        InitiativeId target = InitiativeId.of("target");
        fixture.given(added(1000))
                .when(new WithdrawInitiative(ID, null, WithdrawalKind.MERGED, target, october))
                .expectEvents(new InitiativeWithdrawn(ID, FY2020, SMART, SOMU, Money.ofYen(1000), WithdrawalKind.MERGED, target, october));
    }

    @Test
    void revisingTheNameMovesTheUniquenessClaim() {
        registry.claim(InitiativeKey.of(FY2020, SOMU, "スマート自治体推進事業費"), ID);
        fixture.given(added(1000))
                .when(new ReviseInitiative(ID, null, "新名称事業費", null, ChangeContext.of("名称変更")))
                .expectEvents(new InitiativeRevised(ID, FY2020, SOMU, "スマート自治体推進事業費", "新名称事業費", "AI-OCR", "AI-OCR",
                        new ChangeContext(LocalDate.of(2020, 4, 1), "名称変更", null)));
        assertThat(registry.claim(InitiativeKey.of(FY2020, SOMU, "スマート自治体推進事業費"), InitiativeId.of("other"))).isEmpty();
        assertThat(registry.claim(InitiativeKey.of(FY2020, SOMU, "新名称事業費"), InitiativeId.of("other"))).contains(ID);
    }

    @Test
    void revisingToANameAnotherLineHoldsIsRejected() {
        registry.claim(InitiativeKey.of(FY2020, SOMU, "他の事業"), InitiativeId.of("other"));
        fixture.given(added(1000))
                .when(new ReviseInitiative(ID, null, "他の事業", null, ChangeContext.of("名称変更")))
                .expectException(DuplicateInitiativeException.class)
                .expectNoEvents();
    }

    @Test
    void reassigningMovesTheLineWithItsAmountFromTheEffectiveDate() {
        ChangeContext reorganised = new ChangeContext(LocalDate.of(2020, 10, 1), "組織改正", null);
        Department digital = Department.of("デジタル推進局");
        fixture.given(added(1000))
                .when(new ReassignInitiative(ID, null, digital, null, reorganised))
                .expectEvents(new InitiativeReassigned(ID, FY2020, SOMU, digital, SMART, SMART, Money.ofYen(1000), reorganised));
        fixture.given(added(1000))
                .when(new ReassignInitiative(ID, null, Department.of("総務部"), null, reorganised))
                .expectException(NothingChangesException.class);
    }

    @Test
    void aCorrectionReversesOneAmendmentOnItsEffectiveDateOnlyOnce() {
        ChangeContext october = new ChangeContext(LocalDate.of(2020, 10, 1), "増額", null);
        AmountAmended mistaken = new AmountAmended(ID, FY2020, SMART, SOMU, Money.ofYen(1000), Money.ofYen(1500), october);
        AmountAmended correction = new AmountAmended(ID, FY2020, SMART, SOMU, Money.ofYen(1500), Money.ofYen(1000),
                new ChangeContext(LocalDate.of(2020, 10, 1), "誤入力の訂正", null), ChangeCause.correction(1));
        fixture.given(added(1000), mistaken)
                .when(new CorrectEvent(ID, null, 1, ChangeContext.of("誤入力の訂正")))
                .expectEvents(correction);
        fixture.given(added(1000), mistaken, correction)
                .when(new CorrectEvent(ID, null, 1, ChangeContext.of("再訂正")))
                .expectException(AlreadyCorrectedException.class);
        fixture.given(added(1000), mistaken)
                .when(new CorrectEvent(ID, null, 0, ChangeContext.of("訂正")))
                .expectException(CorrectionNotAllowedException.class);
        fixture.given(added(1000), mistaken)
                .when(new CorrectEvent(ID, null, 5, ChangeContext.of("訂正")))
                .expectException(NoSuchEventException.class);
    }

    @Test
    void aCorrectionFlaggedAsPartOfASetRecordsTheFlagAndKeepsTheAmendmentsDate() {
        AmountAmended mistaken = new AmountAmended(ID, FY2020, SMART, SOMU, Money.ofYen(1000), Money.ofYen(1500),
                new ChangeContext(LocalDate.of(2020, 10, 1), "増額", null));
        fixture.given(added(1000), mistaken)
                .when(new CorrectEvent(ID, null, 1, ChangeContext.of("誤入力の訂正").asPartOfSet()))
                .expectEvents(new AmountAmended(ID, FY2020, SMART, SOMU, Money.ofYen(1500), Money.ofYen(1000),
                        new ChangeContext(LocalDate.of(2020, 10, 1), "誤入力の訂正", null, true), ChangeCause.correction(1)));
    }

    @Test
    void aStaleExpectedVersionIsRejected() {
        fixture.given(added(1000), new AmountAmended(ID, FY2020, SMART, SOMU, Money.ofYen(1000), Money.ofYen(1500),
                        new ChangeContext(LocalDate.of(2020, 4, 1), "増額", null)))
                .when(WithdrawInitiative.abolish(ID, 0L, ChangeContext.of("廃止")))
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
    }

    static class InMemoryRegistry implements InitiativeRegistry {
        private final Map<InitiativeKey, InitiativeId> claims = new HashMap<>();

        @Override
        public Optional<InitiativeId> claim(InitiativeKey key, InitiativeId id) {
            InitiativeId existing = claims.putIfAbsent(key, id);
            return Optional.ofNullable(existing);
        }

        @Override
        public void release(InitiativeKey key, InitiativeId id) {
            claims.remove(key, id);
        }
    }
}
