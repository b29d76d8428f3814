package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.AssemblyReportOutcome;
import jp.budgetledger.core.api.BillProcedure;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeCause;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.DecideSupplementaryBudgetBySenketsu;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.EnactSupplementaryBudget;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.ReportSenketsuToAssembly;
import jp.budgetledger.core.api.ResolutionOutcome;
import jp.budgetledger.core.api.ResolveSupplementaryBudget;
import jp.budgetledger.core.api.SenketsuReportedToAssembly;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.api.SubmitSupplementaryBudget;
import jp.budgetledger.core.api.SupplementaryBill;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import jp.budgetledger.core.api.SupplementaryBudgetResolved;
import jp.budgetledger.core.api.SupplementaryBudgetSubmitted;
import jp.budgetledger.core.api.SupplementaryItem;
import org.axonframework.eventhandling.DomainEventMessage;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supplementary budgets as bills: numbered per 会計 and fiscal year at submission, nothing in force until resolved, a
 * rejection changing nothing, an amendment putting only the amended items in force, and a 専決処分 staying in force when the
 * assembly disapproves it. The lines live in their own in-memory event store, so that their events can be read apart.
 */
class SupplementaryBudgetTest {

    private static final FiscalYear FY2020 = FiscalYear.of(2020);
    private static final SupplementaryBudgetId BUDGET = SupplementaryBudgetId.of("sb-1");
    private static final SubjectLevel GENERAL = SubjectLevel.of("1", "一般会計");
    private static final SubjectLevel WATER = SubjectLevel.of("2", "水道事業会計");
    private static final Subject SOUMU = Subject.of(SubjectLevel.of("2", "総務費"), SubjectLevel.of("1", "総務管理費"),
            SubjectLevel.of("1", "一般管理費"));
    private static final Subject TAX = Subject.of(SubjectLevel.of("1", "市税"), SubjectLevel.of("1", "市民税"),
            SubjectLevel.of("1", "個人"));
    private static final InitiativeId EXPENSE = InitiativeId.of("line-expense");
    private static final InitiativeId REVENUE = InitiativeId.of("line-revenue");
    private static final InitiativeId OTHER_EXPENSE = InitiativeId.of("line-other");
    private static final InitiativeId WATER_LINE = InitiativeId.of("line-water");
    private static final InitiativeId PLAIN = InitiativeId.of("line-plain");
    private static final Department SOMU = Department.of("総務課");
    private static final ChangeContext INITIAL = new ChangeContext(LocalDate.of(2020, 4, 1), "当初予算", null);
    private static final LocalDate SUBMITTED_ON = LocalDate.of(2020, 9, 1);
    private static final LocalDate RESOLVED_ON = LocalDate.of(2020, 9, 25);

    private FixtureConfiguration<SupplementaryBudget> fixture;
    private EventStore lines;
    private InMemoryNumbers numbers;
    private InMemoryBalances balances;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupplementaryBudget.class);
        lines = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        numbers = new InMemoryNumbers();
        balances = new InMemoryBalances();
        InitiativeTest.InMemoryRegistry registry = new InitiativeTest.InMemoryRegistry();
        InMemorySubjectTable subjects = new InMemorySubjectTable();
        EventSourcingRepository<Initiative> initiatives = EventSourcingRepository.builder(Initiative.class)
                .eventStore(lines)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(ClasspathParameterResolverFactory.forClass(Initiative.class),
                        new SimpleResourceParameterResolverFactory(List.of(registry, subjects))))
                .build();
        fixture.registerAnnotatedCommandHandler(new SupplementaryBudgetHandlers(initiatives, fixture.getRepository(), registry, subjects,
                balances, numbers));
        line(EXPENSE, 1_000_000, new Classification(GENERAL, Side.EXPENDITURE, SOUMU, null), "一般管理費");
        line(OTHER_EXPENSE, 300_000, new Classification(GENERAL, Side.EXPENDITURE, SOUMU, null), "庁舎管理費");
        line(REVENUE, 1_300_000, new Classification(GENERAL, Side.REVENUE, TAX, null), "個人市民税");
        line(WATER_LINE, 500_000, new Classification(WATER, Side.EXPENDITURE, SOUMU, null), "配水管整備");
        line(PLAIN, 100_000, null, "広報事業");
        balances.set(GENERAL, 1_300_000, 1, 1_300_000, 2);
    }

    private void line(InitiativeId id, long yen, Classification classification, String name) {
        lines.publish(new GenericDomainEventMessage<>("Initiative", id.value(), 0, new InitiativeAdded(id, FY2020,
                classification == null ? new Category("01", "総務") : null, SOMU, name, Money.ofYen(yen), null, INITIAL, classification)));
    }

    private static SupplementaryItem change(InitiativeId id, long delta) {
        return SupplementaryItem.change(id, Money.ofYen(delta));
    }

    private static SubmitSupplementaryBudget submit(List<SupplementaryItem> items) {
        return new SubmitSupplementaryBudget(new SupplementaryBill(BUDGET, FY2020, "9月補正", "議案第50号", "第50号", null, items, null), SUBMITTED_ON);
    }

    private static SupplementaryBudgetSubmitted submitted(List<SupplementaryItem> items) {
        return new SupplementaryBudgetSubmitted(BUDGET, FY2020, "9月補正", "議案第50号", "第50号", GENERAL.key(), 1,
                "令和2年度一般会計補正予算（第1号）", SUBMITTED_ON, items, new ChangeContext(SUBMITTED_ON, "9月補正", "議案第50号"));
    }

    private static final List<SupplementaryItem> BALANCED = List.of(change(EXPENSE, 200_000), change(REVENUE, 200_000));

    private List<? extends DomainEventMessage<?>> lineEvents(InitiativeId id) {
        return lines.readEvents(id.value()).asStream().toList();
    }

    @Test
    void aSubmittedBillIsNumberedAndTitledInItsAccountsSeriesAndPutsNothingInForce() {
        fixture.givenNoPriorActivity()
                .when(submit(BALANCED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(submitted(BALANCED));
        assertThat(lineEvents(EXPENSE)).hasSize(1);
        assertThat(lineEvents(REVENUE)).hasSize(1);
    }

    @Test
    void numbersFollowTheOrderOfSubmissionPerAccountAndFiscalYear() {
        numbers.next(FY2020, GENERAL.key());
        numbers.next(FiscalYear.of(2021), WATER.key());
        SupplementaryBudgetSubmitted second = new SupplementaryBudgetSubmitted(BUDGET, FY2020, "9月補正", "議案第50号", "第50号",
                GENERAL.key(), 2, "令和2年度一般会計補正予算（第2号）", SUBMITTED_ON, BALANCED,
                new ChangeContext(SUBMITTED_ON, "9月補正", "議案第50号"));
        fixture.givenNoPriorActivity()
                .when(submit(BALANCED))
                .expectEvents(second);
        assertThat(numbers.next(FY2020, WATER.key())).as("another 会計 of the year starts at 1").isEqualTo(1);
        assertThat(numbers.next(FiscalYear.of(2021), GENERAL.key())).as("another year starts at 1").isEqualTo(1);
    }

    @Test
    void theUnclassifiedLinesFormTheirOwnSeriesWithAPlainTitle() {
        SupplementaryBudgetSubmitted expected = new SupplementaryBudgetSubmitted(BUDGET, FY2020, "9月補正", "議案第50号", "第50号", null, 1,
                "令和2年度補正予算（第1号）", SUBMITTED_ON, List.of(change(PLAIN, 5_000)), new ChangeContext(SUBMITTED_ON, "9月補正", "議案第50号"));
        fixture.givenNoPriorActivity()
                .when(submit(List.of(change(PLAIN, 5_000))))
                .expectEvents(expected);
    }

    @Test
    void aBillWithItemsInTwoAccountsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(submit(List.of(change(EXPENSE, 1_000), change(WATER_LINE, 1_000))))
                .expectException(BillAcrossAccountsException.class)
                .expectNoEvents();
        assertThat(numbers.next(FY2020, GENERAL.key())).as("no number was taken").isEqualTo(1);
    }

    @Test
    void aBillThatLeavesItsAccountUnbalancedIsRefusedAndRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(submit(List.of(change(EXPENSE, 200_000))))
                .expectException(UnbalancedAccountException.class)
                .expectNoEvents();
        assertThat(lineEvents(EXPENSE)).hasSize(1);
        assertThat(numbers.next(FY2020, GENERAL.key())).as("no number was taken").isEqualTo(1);
    }

    @Test
    void anItemOnAnUnknownLineIsRefusedAtSubmission() {
        fixture.givenNoPriorActivity()
                .when(submit(List.of(change(InitiativeId.of("no-such-line"), 1_000))))
                .expectException(ItemRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void passingPutsTheSubmittedItemsInForceFromTheResolutionDate() {
        fixture.given(submitted(BALANCED))
                .when(new ResolveSupplementaryBudget(BUDGET, ResolutionOutcome.PASSED, RESOLVED_ON, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new SupplementaryBudgetResolved(BUDGET, FY2020, ResolutionOutcome.PASSED, RESOLVED_ON, null,
                                new ChangeContext(RESOLVED_ON, "9月補正", "議案第50号")),
                        new SupplementaryBudgetEnacted(BUDGET, FY2020, "9月補正", "議案第50号", RESOLVED_ON,
                                List.of(new SupplementaryBudgetEnacted.Item(EXPENSE, Money.ofYen(200_000), false),
                                        new SupplementaryBudgetEnacted.Item(REVENUE, Money.ofYen(200_000), false)),
                                new ChangeContext(RESOLVED_ON, "9月補正", "議案第50号"), BillProcedure.ASSEMBLY, GENERAL.key(), 1,
                                "令和2年度一般会計補正予算（第1号）", "第50号"));
        AmountAmended amended = (AmountAmended) lineEvents(EXPENSE).get(1).getPayload();
        assertThat(amended.amountAfter()).isEqualTo(Money.ofYen(1_200_000));
        assertThat(amended.change().effectiveDate()).isEqualTo(RESOLVED_ON);
        assertThat(amended.cause()).isEqualTo(ChangeCause.supplementaryBudget(BUDGET.value()));
    }

    @Test
    void aRejectedBillChangesNothing() {
        fixture.given(submitted(BALANCED))
                .when(new ResolveSupplementaryBudget(BUDGET, ResolutionOutcome.REJECTED, RESOLVED_ON, "否決", null))
                .expectEvents(new SupplementaryBudgetResolved(BUDGET, FY2020, ResolutionOutcome.REJECTED, RESOLVED_ON, null,
                        new ChangeContext(RESOLVED_ON, "否決", "議案第50号")));
        assertThat(lineEvents(EXPENSE)).hasSize(1);
        assertThat(lineEvents(REVENUE)).hasSize(1);
    }

    @Test
    void anAmendedBillPutsOnlyTheAmendedItemsInForceAndKeepsBothVersions() {
        List<SupplementaryItem> amendedItems = List.of(change(OTHER_EXPENSE, 150_000), change(REVENUE, 150_000));
        fixture.given(submitted(BALANCED))
                .when(new ResolveSupplementaryBudget(BUDGET, ResolutionOutcome.AMENDED, RESOLVED_ON, null, amendedItems))
                .expectEvents(
                        new SupplementaryBudgetResolved(BUDGET, FY2020, ResolutionOutcome.AMENDED, RESOLVED_ON, amendedItems,
                                new ChangeContext(RESOLVED_ON, "9月補正", "議案第50号")),
                        new SupplementaryBudgetEnacted(BUDGET, FY2020, "9月補正", "議案第50号", RESOLVED_ON,
                                List.of(new SupplementaryBudgetEnacted.Item(OTHER_EXPENSE, Money.ofYen(150_000), false),
                                        new SupplementaryBudgetEnacted.Item(REVENUE, Money.ofYen(150_000), false)),
                                new ChangeContext(RESOLVED_ON, "9月補正", "議案第50号"), BillProcedure.ASSEMBLY, GENERAL.key(), 1,
                                "令和2年度一般会計補正予算（第1号）", "第50号"));
        assertThat(lineEvents(EXPENSE)).as("the submitted item left out by the amendment").hasSize(1);
        assertThat(lineEvents(OTHER_EXPENSE)).hasSize(2);
        assertThat(((AmountAmended) lineEvents(REVENUE).get(1).getPayload()).amountAfter()).isEqualTo(Money.ofYen(1_450_000));
    }

    @Test
    void aBillIsResolvedOnce() {
        fixture.given(submitted(BALANCED), new SupplementaryBudgetResolved(BUDGET, FY2020, ResolutionOutcome.REJECTED, RESOLVED_ON, null,
                        new ChangeContext(RESOLVED_ON, "否決", null)))
                .when(new ResolveSupplementaryBudget(BUDGET, ResolutionOutcome.PASSED, RESOLVED_ON.plusDays(1), null, null))
                .expectException(BillNotSubmittedException.class)
                .expectNoEvents();
    }

    @Test
    void aSenketsuIsInForceFromItsDecisionDateAndNumbered() {
        LocalDate decided = LocalDate.of(2020, 5, 1);
        fixture.givenNoPriorActivity()
                .when(new DecideSupplementaryBudgetBySenketsu(new SupplementaryBill(BUDGET, FY2020, "専決第1号", null, null, null, BALANCED, null), decided))
                .expectEvents(new SupplementaryBudgetEnacted(BUDGET, FY2020, "専決第1号", null, decided,
                        List.of(new SupplementaryBudgetEnacted.Item(EXPENSE, Money.ofYen(200_000), false),
                                new SupplementaryBudgetEnacted.Item(REVENUE, Money.ofYen(200_000), false)),
                        new ChangeContext(decided, "専決第1号", null), BillProcedure.SENKETSU, GENERAL.key(), 1, "令和2年度一般会計補正予算（第1号）", null));
        assertThat(((AmountAmended) lineEvents(EXPENSE).get(1).getPayload()).change().effectiveDate()).isEqualTo(decided);
    }

    private static SupplementaryBudgetEnacted senketsu() {
        LocalDate decided = LocalDate.of(2020, 5, 1);
        return new SupplementaryBudgetEnacted(BUDGET, FY2020, "専決第1号", null, decided,
                List.of(new SupplementaryBudgetEnacted.Item(EXPENSE, Money.ofYen(200_000), false)),
                new ChangeContext(decided, "専決第1号", null), BillProcedure.SENKETSU, GENERAL.key(), 1, "令和2年度一般会計補正予算（第1号）", null);
    }

    @Test
    void aDisapprovedSenketsuIsReportedAndStaysInForce() {
        LocalDate on = LocalDate.of(2020, 6, 20);
        fixture.given(senketsu())
                .when(new ReportSenketsuToAssembly(BUDGET, AssemblyReportOutcome.DISAPPROVED, on, null))
                .expectEvents(new SenketsuReportedToAssembly(BUDGET, FY2020, AssemblyReportOutcome.DISAPPROVED, on,
                        new ChangeContext(on, "専決処分の不承認", null)));
    }

    @Test
    void aSenketsuIsReportedOnceAndOnlyASenketsuIsReported() {
        LocalDate on = LocalDate.of(2020, 6, 20);
        fixture.given(senketsu(), new SenketsuReportedToAssembly(BUDGET, FY2020, AssemblyReportOutcome.APPROVED, on,
                        new ChangeContext(on, "承認", null)))
                .when(new ReportSenketsuToAssembly(BUDGET, AssemblyReportOutcome.DISAPPROVED, on, null))
                .expectException(AssemblyAlreadyReportedException.class);
        fixture.given(submitted(BALANCED))
                .when(new ReportSenketsuToAssembly(BUDGET, AssemblyReportOutcome.APPROVED, on, null))
                .expectException(NotSenketsuException.class);
    }

    @Test
    void anEnactmentIsABillSubmittedAndPassedAtOnceAndIsNumberedToo() {
        fixture.givenNoPriorActivity()
                .when(new EnactSupplementaryBudget(BUDGET, FY2020, "9月補正", null, RESOLVED_ON, null, BALANCED))
                .expectEvents(new SupplementaryBudgetEnacted(BUDGET, FY2020, "9月補正", null, RESOLVED_ON,
                        List.of(new SupplementaryBudgetEnacted.Item(EXPENSE, Money.ofYen(200_000), false),
                                new SupplementaryBudgetEnacted.Item(REVENUE, Money.ofYen(200_000), false)),
                        new ChangeContext(RESOLVED_ON, "9月補正", null), BillProcedure.ASSEMBLY, GENERAL.key(), 1, "令和2年度一般会計補正予算（第1号）", null));
    }

    @Test
    void titlesUseTheJapaneseEra() {
        assertThat(BillTitles.title(FiscalYear.of(2019), GENERAL, 3)).isEqualTo("令和元年度一般会計補正予算（第3号）");
        assertThat(BillTitles.title(FiscalYear.of(2024), null, 1)).isEqualTo("令和6年度補正予算（第1号）");
    }

    static final class InMemoryNumbers implements SupplementaryBudgetNumbers {
        private final Map<String, Integer> last = new HashMap<>();

        @Override
        public int next(FiscalYear fiscalYear, String series) {
            return last.merge(fiscalYear.value() + "|" + series, 1, Integer::sum);
        }
    }

    static final class InMemoryBalances implements AccountBalances {
        private final Map<String, AccountBalance> balances = new HashMap<>();

        void set(SubjectLevel account, long revenue, long revenueLines, long expenditure, long expenditureLines) {
            balances.put(account.key(), new AccountBalance(revenue, revenueLines, expenditure, expenditureLines));
        }

        @Override
        public AccountBalance of(FiscalYear fiscalYear, String accountKey) {
            return balances.getOrDefault(accountKey, new AccountBalance(0, 0, 0, 0));
        }
    }
}
