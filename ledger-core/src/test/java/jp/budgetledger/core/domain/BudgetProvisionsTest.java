package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.BarSetsu;
import jp.budgetledger.core.api.BarredSetsu;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.GeneralProvisionsId;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.RegisterTransferClause;
import jp.budgetledger.core.api.SetsuBarred;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.api.TransferClause;
import jp.budgetledger.core.api.TransferClauseRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A fiscal year's 予算総則 as far as transfers go: its 項間流用 clauses and barred 節, per 会計. */
class BudgetProvisionsTest {

    private static final FiscalYear FY = FiscalYear.of(2024);
    private static final String ID = GeneralProvisionsId.of(FY);
    private static final SubjectLevel GENERAL = SubjectLevel.of("1", "一般会計");
    private static final SubjectLevel OTHER = SubjectLevel.of("2", "下水道事業特別会計");
    private static final TransferClause SALARIES = new TransferClause("第5条", "給料、職員手当等及び共済費の各項の間の流用",
            SubjectLevel.of("2", "総務費"), null, List.of(SubjectLevel.of("2", "給料"), SubjectLevel.of("3", "職員手当等")));
    private static final ChangeContext GIVEN = ChangeContext.of("予算総則");
    private static final ChangeContext RESOLVED = new ChangeContext(LocalDate.of(2024, 4, 1), "予算総則", null);

    private FixtureConfiguration<BudgetProvisions> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BudgetProvisions.class);
    }

    @Test
    void theFirstClauseOfAYearCreatesItsProvisionsEffectiveFromTheFirstDayOfTheYear() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTransferClause(FY, GENERAL, SALARIES, GIVEN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TransferClauseRegistered(ID, FY, GENERAL, SALARIES, RESOLVED));
    }

    @Test
    void anArticleIsRegisteredOncePerAccount() {
        fixture.given(new TransferClauseRegistered(ID, FY, GENERAL, SALARIES, RESOLVED))
                .when(new RegisterTransferClause(FY, SubjectLevel.of("01", "一般会計"), SALARIES, GIVEN))
                .expectException(ProvisionConflictException.class)
                .expectNoEvents();
        fixture.given(new TransferClauseRegistered(ID, FY, GENERAL, SALARIES, RESOLVED))
                .when(new RegisterTransferClause(FY, OTHER, SALARIES, GIVEN))
                .expectEvents(new TransferClauseRegistered(ID, FY, OTHER, SALARIES, RESOLVED));
    }

    @Test
    void aSetsuIsBarredOncePerAccount() {
        BarredSetsu kousai = new BarredSetsu(SubjectLevel.of("9", "交際費"), "交際費は流用により増額しない");
        fixture.givenNoPriorActivity()
                .when(new BarSetsu(FY, GENERAL, kousai, GIVEN))
                .expectEvents(new SetsuBarred(ID, FY, GENERAL, kousai, RESOLVED));
        fixture.given(new SetsuBarred(ID, FY, GENERAL, kousai, RESOLVED))
                .when(new BarSetsu(FY, GENERAL, new BarredSetsu(SubjectLevel.of(null, "交際費"), "重ねて"), GIVEN))
                .expectException(ProvisionConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aClauseCoversEitherKouOrSetsuOfOneKan() {
        SubjectLevel kan = SubjectLevel.of("2", "総務費");
        assertThatThrownBy(() -> new TransferClause("第5条", "本文", kan, null, null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("kous"));
        assertThatThrownBy(() -> new TransferClause("第5条", "本文", kan, List.of(SubjectLevel.of("1", "総務管理費")), null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.reason()).contains("two"));
        assertThatThrownBy(() -> new TransferClause(" ", "本文", kan, null, List.of(SubjectLevel.of("2", "給料"))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("article"));
    }
}
