package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.AmendAmount;
import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.ReassignInitiative;
import jp.budgetledger.core.api.ReviseInitiative;
import jp.budgetledger.core.api.WithdrawInitiative;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;

/** A line refuses every change from a sender limited to other departments, whatever path the command took to reach it. */
class DepartmentScopeTest {

    private static final InitiativeId ID = InitiativeId.of("line-1");
    private static final FiscalYear FY2020 = FiscalYear.of(2020);
    private static final Category SMART = new Category("1", "スマート自治体の推進");
    private static final Department SOMU = Department.of("総務部");
    private static final Department SUITO = Department.of("出納局");
    private static final ChangeContext APRIL = new ChangeContext(LocalDate.of(2020, 4, 1), "当初予算", null);

    private FixtureConfiguration<Initiative> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Initiative.class);
        fixture.registerInjectableResource(new InitiativeTest.InMemoryRegistry());
        fixture.registerInjectableResource(new InMemorySubjectTable());
    }

    private static Map<String, Object> limitedTo(String... departments) {
        return Map.of(MetadataKeys.ACTOR, "officer", MetadataKeys.DEPARTMENTS, List.of(departments));
    }

    private static InitiativeAdded added(Department department) {
        return new InitiativeAdded(ID, FY2020, SMART, department, "会計管理費", Money.ofYen(1000), null, APRIL);
    }

    @Test
    void aSenderLimitedToAnotherDepartmentCannotAmendTheLine() {
        fixture.given(added(SUITO))
                .when(AmendAmount.by(ID, Money.ofYen(10), ChangeContext.of("増額")), limitedTo("総務部"))
                .expectException(DepartmentOutOfScopeException.class)
                .expectExceptionMessage(containsString("officer may not change lines of 出納局"))
                .expectNoEvents();
    }

    @Test
    void aSenderLimitedToTheLinesDepartmentAmendsItWhateverTheSpellingsWidth() {
        fixture.given(added(SUITO))
                .when(AmendAmount.by(ID, Money.ofYen(10), ChangeContext.of("増額")), limitedTo("総務部", " 出納局 "))
                .expectEvents(new AmountAmended(ID, FY2020, SMART, SUITO, Money.ofYen(1000), Money.ofYen(1010),
                        new ChangeContext(LocalDate.of(2020, 4, 1), "増額", null)));
    }

    @Test
    void aSenderWithoutALimitMayActForEveryDepartment() {
        fixture.given(added(SUITO))
                .when(new WithdrawInitiative(ID, null, null, null, ChangeContext.of("廃止")), Map.of(MetadataKeys.ACTOR, "admin"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void revisingWithdrawingAndAddingAreScopedToo() {
        fixture.given(added(SUITO))
                .when(new ReviseInitiative(ID, null, "新名称", null, ChangeContext.of("名称変更")), limitedTo("総務部"))
                .expectException(DepartmentOutOfScopeException.class);
        fixture.given(added(SUITO))
                .when(new WithdrawInitiative(ID, null, null, null, ChangeContext.of("廃止")), limitedTo("総務部"))
                .expectException(DepartmentOutOfScopeException.class);
        fixture.givenNoPriorActivity()
                .when(new AddInitiative(ID, FY2020, SMART, SUITO, "会計管理費", Money.ofYen(1000), null, ChangeContext.of("当初予算")),
                        limitedTo("総務部"))
                .expectException(DepartmentOutOfScopeException.class)
                .expectNoEvents();
    }

    @Test
    void aReassignmentNeedsBothTheOldAndTheNewDepartment() {
        ChangeContext reorganised = new ChangeContext(LocalDate.of(2020, 10, 1), "組織改正", null);
        fixture.given(added(SOMU))
                .when(new ReassignInitiative(ID, null, SUITO, null, reorganised), limitedTo("総務部"))
                .expectException(DepartmentOutOfScopeException.class)
                .expectExceptionMessage(containsString("出納局"))
                .expectNoEvents();
        fixture.given(added(SOMU))
                .when(new ReassignInitiative(ID, null, SUITO, null, reorganised), limitedTo("出納局"))
                .expectException(DepartmentOutOfScopeException.class)
                .expectExceptionMessage(containsString("総務部"));
        fixture.given(added(SOMU))
                .when(new ReassignInitiative(ID, null, SUITO, null, reorganised), limitedTo("総務部", "出納局"))
                .expectEvents(new InitiativeReassigned(ID, FY2020, SOMU, SUITO, SMART, SMART, Money.ofYen(1000), reorganised));
    }

    @Test
    void aScopeThatIsNotAListOfDepartmentsAllowsNone() {
        fixture.given(added(SOMU))
                .when(AmendAmount.by(ID, Money.ofYen(10), ChangeContext.of("増額")), Map.of(MetadataKeys.DEPARTMENTS, "総務部"))
                .expectException(DepartmentOutOfScopeException.class);
    }
}
