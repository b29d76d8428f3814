package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.ReassignInitiative;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** Lines with a 会計, a side and a 科目 path: how they are identified in their year, and the year's 科目 table. */
class ClassifiedInitiativeTest {

    private static final InitiativeId ID = InitiativeId.of("line-1");
    private static final FiscalYear FY2024 = FiscalYear.of(2024);
    private static final Department SOMU = Department.of("総務課");
    private static final Department KIKAKU = Department.of("企画課");
    private static final SubjectLevel GENERAL = SubjectLevel.of("1", "一般会計");
    private static final Subject IPPAN_KANRI = Subject.of(SubjectLevel.of("2", "総務費"), SubjectLevel.of("1", "総務管理費"),
            SubjectLevel.of("1", "一般管理費"));
    private static final Classification CLASSIFIED = new Classification(GENERAL, Side.EXPENDITURE, IPPAN_KANRI, "0101");
    private static final ChangeContext INITIAL = new ChangeContext(LocalDate.of(2024, 4, 1), "当初予算", null);

    private FixtureConfiguration<Initiative> fixture;
    private InitiativeTest.InMemoryRegistry registry;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Initiative.class);
        registry = new InitiativeTest.InMemoryRegistry();
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(new InMemorySubjectTable());
    }

    private static AddInitiative add(InitiativeId id, FiscalYear year, Department department, Classification classification) {
        return new AddInitiative(id, year, null, department, classification.subject().deepest().name(), Money.ofYen(1_000), null,
                new ChangeContext(year.firstDay(), "当初予算", null), classification);
    }

    private static InitiativeAdded added(Classification classification) {
        return new InitiativeAdded(ID, FY2024, null, SOMU, classification.subject().deepest().name(), Money.ofYen(1_000), null, INITIAL,
                classification);
    }

    private static Subject kan(String code, String name) {
        return Subject.of(SubjectLevel.of(code, name), IPPAN_KANRI.kou(), IPPAN_KANRI.moku());
    }

    @Test
    void aClassifiedAdditionRecordsItsClassificationAndNeedsNoCategory() {
        fixture.givenNoPriorActivity()
                .when(add(ID, FY2024, SOMU, CLASSIFIED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(added(CLASSIFIED));
    }

    @Test
    void anUnclassifiedLineWithoutCategoryIsRefused() {
        assertThatThrownBy(() -> new AddInitiative(ID, FY2024, null, SOMU, "事業", Money.ofYen(1), null, INITIAL, null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.concept()).isEqualTo(Concept.CATEGORY));
        fixture.givenNoPriorActivity()
                .when(new AddInitiative(ID, FY2024, new Category("1", "分類"), SOMU, "事業", Money.ofYen(1), null, INITIAL, CLASSIFIED))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void twoDepartmentsMayShareAPathButOneDepartmentHasAPathOnce() {
        fixture.givenNoPriorActivity().when(add(ID, FY2024, SOMU, CLASSIFIED)).expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(add(InitiativeId.of("line-2"), FY2024, KIKAKU, CLASSIFIED)).expectSuccessfulHandlerExecution();
        AddInitiative again = new AddInitiative(InitiativeId.of("line-3"), FY2024, null, SOMU, "別の名前でも同じ行", Money.ofYen(5), null,
                INITIAL, CLASSIFIED);
        fixture.givenNoPriorActivity()
                .when(again)
                .expectException(DuplicateInitiativeException.class)
                .expectExceptionMessage(containsString("line-1"))
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(add(InitiativeId.of("line-4"), FiscalYear.of(2025), SOMU, CLASSIFIED))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void withinAYearOneCodeHasOneNameAtEachLevel() {
        fixture.givenNoPriorActivity().when(add(ID, FY2024, SOMU, CLASSIFIED)).expectSuccessfulHandlerExecution();
        Classification renamedKan = CLASSIFIED.withSubject(kan("02", "総務費用"));
        fixture.givenNoPriorActivity()
                .when(add(InitiativeId.of("line-2"), FY2024, KIKAKU, renamedKan))
                .expectException(SubjectNameConflictException.class)
                .expectExceptionMessage(allOf(containsString("款"), containsString("02"), containsString("総務費"), containsString("総務費用")))
                .expectNoEvents();
        Classification otherAccountName = new Classification(SubjectLevel.of("1", "一般会計予算"), Side.EXPENDITURE,
                Subject.of(SubjectLevel.of("3", "民生費"), SubjectLevel.of("1", "社会福祉費"), SubjectLevel.of("1", "社会福祉総務費")), null);
        fixture.givenNoPriorActivity()
                .when(add(InitiativeId.of("line-3"), FY2024, KIKAKU, otherAccountName))
                .expectException(SubjectNameConflictException.class)
                .expectExceptionMessage(allOf(containsString("会計"), containsString("一般会計予算")));
        fixture.givenNoPriorActivity().when(add(InitiativeId.of("line-4"), FiscalYear.of(2025), KIKAKU, renamedKan))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(add(InitiativeId.of("line-5"), FY2024, Department.of("財政課"), CLASSIFIED.withSubject(kan("2", "総務費"))))
                .expectSuccessfulHandlerExecution();
        Classification revenue = new Classification(GENERAL, Side.REVENUE, kan("2", "地方譲与税"), null);
        fixture.givenNoPriorActivity().when(add(InitiativeId.of("line-6"), FY2024, KIKAKU, revenue))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theConflictNamesTheLevelTheCodeAndBothNames() {
        fixture.givenNoPriorActivity().when(add(ID, FY2024, SOMU, CLASSIFIED)).expectSuccessfulHandlerExecution();
        Subject otherMoku = Subject.of(IPPAN_KANRI.kan(), IPPAN_KANRI.kou(), SubjectLevel.of("1", "文書広報費"));
        fixture.givenNoPriorActivity()
                .when(add(InitiativeId.of("line-2"), FY2024, KIKAKU, CLASSIFIED.withSubject(otherMoku)))
                .expectException(SubjectNameConflictException.class)
                .expectExceptionMessage(allOf(containsString("目 1"), containsString("'一般管理費'"), containsString("'文書広報費'")));
        SubjectNameConflictException conflict = new SubjectNameConflictException(FY2024, "moku", "目", "1", "一般管理費", "文書広報費");
        assertThat(conflict.rule()).isEqualTo("subject-name-conflict");
        assertThat(conflict.concept()).isEqualTo(Concept.SUBJECT);
        assertThat(conflict.isConflict()).isFalse();
    }

    @Test
    void reassigningTheSubjectRecordsBeforeAndAfterAndMovesTheLinesKey() {
        fixture.givenNoPriorActivity().when(add(ID, FY2024, SOMU, CLASSIFIED)).expectSuccessfulHandlerExecution();
        Subject bunsho = Subject.of(IPPAN_KANRI.kan(), IPPAN_KANRI.kou(), SubjectLevel.of("2", "文書広報費"));
        ChangeContext october = new ChangeContext(LocalDate.of(2024, 10, 1), "目の組替え", null);
        fixture.given(added(CLASSIFIED))
                .when(new ReassignInitiative(ID, null, null, null, october, bunsho))
                .expectEvents(new InitiativeReassigned(ID, FY2024, SOMU, SOMU, null, null, Money.ofYen(1_000), october,
                        CLASSIFIED, CLASSIFIED.withSubject(bunsho)));
        assertThat(registry.claim(InitiativeKey.of(FY2024, SOMU, "x", CLASSIFIED), InitiativeId.of("other"))).isEmpty();
        assertThat(registry.claim(InitiativeKey.of(FY2024, SOMU, "x", CLASSIFIED.withSubject(bunsho)), InitiativeId.of("other")))
                .contains(ID);
        fixture.given(added(CLASSIFIED))
                .when(new ReassignInitiative(ID, null, null, null, october, IPPAN_KANRI))
                .expectException(NothingChangesException.class);
    }

    @Test
    void theOnlyHolderOfANameMayRenameItAnotherLineHoldingItMakesItAConflict() {
        fixture.givenNoPriorActivity().when(add(ID, FY2024, SOMU, CLASSIFIED)).expectSuccessfulHandlerExecution();
        Subject renamed = kan("2", "総務費（改称）");
        fixture.given(added(CLASSIFIED))
                .when(new ReassignInitiative(ID, null, null, null, ChangeContext.of("科目名称の変更"), renamed))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(add(InitiativeId.of("line-2"), FY2024, KIKAKU, CLASSIFIED.withSubject(renamed)))
                .expectSuccessfulHandlerExecution();
        fixture.given(added(CLASSIFIED.withSubject(renamed)))
                .when(new ReassignInitiative(ID, null, null, null, ChangeContext.of("科目名称の変更"), IPPAN_KANRI))
                .expectException(SubjectNameConflictException.class)
                .expectExceptionMessage(allOf(containsString("総務費（改称）"), containsString("'総務費'")));
    }

    @Test
    void anUnclassifiedLineCannotBeGivenASubject() {
        InitiativeAdded unclassified = new InitiativeAdded(ID, FY2024, new Category("1", "分類"), SOMU, "事業", Money.ofYen(1), null, INITIAL);
        fixture.given(unclassified)
                .when(new ReassignInitiative(ID, null, null, null, ChangeContext.of("科目の付与"), IPPAN_KANRI))
                .expectException(UnclassifiedLineException.class)
                .expectNoEvents();
        assertThat(new UnclassifiedLineException().rule()).isEqualTo("unclassified-line");
    }
}
