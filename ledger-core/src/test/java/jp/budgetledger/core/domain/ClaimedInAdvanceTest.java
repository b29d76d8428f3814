package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims made together for many new lines answer each line as claims made one line after the other would. */
class ClaimedInAdvanceTest {

    private static final FiscalYear FY2024 = FiscalYear.of(2024);
    private static final Department SOMU = Department.of("総務課");
    private static final SubjectLevel GENERAL = SubjectLevel.of("1", "一般会計");

    private static AddInitiative line(String id, String kanName, String mokuCode) {
        Subject subject = Subject.of(SubjectLevel.of("2", kanName), SubjectLevel.of("1", "総務管理費"), SubjectLevel.of(mokuCode, "目" + mokuCode));
        return new AddInitiative(InitiativeId.of(id), FY2024, null, SOMU, "目" + mokuCode, Money.ofYen(1_000), null,
                new ChangeContext(FY2024.firstDay(), "当初予算", null), new Classification(GENERAL, Side.EXPENDITURE, subject, null));
    }

    /** Each line's key claim, then each of its 科目 claims, as the line's addition makes them. */
    private static List<Object> outcomes(List<AddInitiative> lines, InitiativeRegistry registry, SubjectTable subjects) {
        List<Object> outcomes = new ArrayList<>();
        for (AddInitiative line : lines) {
            outcomes.add(registry.claim(InitiativeKey.of(line.fiscalYear(), line.department(), line.name(), line.classification()),
                    line.initiativeId()));
            for (SubjectNames.Entry entry : SubjectNames.of(line.classification())) {
                outcomes.add(subjects.claim(line.fiscalYear(), entry.path(), entry.level(), entry.value().name(), line.initiativeId()));
            }
        }
        return outcomes;
    }

    @Test
    void eachLineSeesWhatItWouldHaveSeenClaimingAfterTheLinesBeforeIt() {
        InitiativeRegistry heldBefore = new InitiativeTest.InMemoryRegistry();
        SubjectTable namedBefore = new InMemorySubjectTable();
        InitiativeRegistry oneByOneRegistry = new InitiativeTest.InMemoryRegistry();
        SubjectTable oneByOneSubjects = new InMemorySubjectTable();
        for (var tables : List.of(List.of(heldBefore, namedBefore), List.of(oneByOneRegistry, oneByOneSubjects))) {
            outcomes(List.of(line("held", "総務費", "9")), (InitiativeRegistry) tables.get(0), (SubjectTable) tables.get(1));
        }
        List<AddInitiative> lines = List.of(line("a", "総務費", "1"), line("b", "総務費", "1"), line("c", "総務費", "9"),
                line("d", "民生費", "2"), line("e", "総務費", "3"));

        ClaimedInAdvance claimed = ClaimedInAdvance.claim(lines, heldBefore, namedBefore);
        List<Object> together = outcomes(lines, claimed.registry(), claimed.subjects());
        List<Object> oneByOne = outcomes(lines, oneByOneRegistry, oneByOneSubjects);

        assertThat(together).isEqualTo(oneByOne);
        assertThat(together.get(0)).as("a's key").isEqualTo(Optional.empty());
        assertThat(together.get(5)).as("b's key, a's").isEqualTo(Optional.of(InitiativeId.of("a")));
        assertThat(together.get(10)).as("c's key, held before").isEqualTo(Optional.of(InitiativeId.of("held")));
        assertThat(together.get(17)).as("d's 款 2, named by a").isEqualTo(Optional.of("総務費"));
        assertThat(together.subList(20, 25)).as("e").containsOnly(Optional.empty());
    }
}
