package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.AssemblyReportOutcome;
import jp.budgetledger.core.api.BudgetDocumentImported;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeCause;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.ChangeDrafted;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.DecideSupplementaryBudgetBySenketsu;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.DocumentId;
import jp.budgetledger.core.api.DocumentInfo;
import jp.budgetledger.core.api.DraftId;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.FiscalYearClosed;
import jp.budgetledger.core.api.FiscalYearReopened;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.LedgerEvent;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.PermittedAfterYearEnd;
import jp.budgetledger.core.api.Proposal;
import jp.budgetledger.core.api.ProposalKinds;
import jp.budgetledger.core.api.ReopenFiscalYear;
import jp.budgetledger.core.api.SenketsuReportedToAssembly;
import jp.budgetledger.core.api.SupplementaryBill;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import jp.budgetledger.core.api.SupplementaryItem;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.TransferId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YearEndRulesTest {

    private static final FiscalYear FY2024 = FiscalYear.of(2024);
    private static final InitiativeId LINE = InitiativeId.of("line-1");
    private static final Category SMART = new Category("1", "スマート自治体の推進");
    private static final Department SOMU = Department.of("総務部");
    private static final ChangeContext MARCH = new ChangeContext(LocalDate.of(2025, 3, 31), "年度末の補正", null);
    private static final Predicate<FiscalYear> NONE_CLOSED = year -> false;
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 3, 31);
    private static final LocalDate APRIL_FIRST_AFTER = LocalDate.of(2025, 4, 1);

    private static AmountAmended amendment(ChangeCause cause) {
        return new AmountAmended(LINE, FY2024, SMART, SOMU, Money.ofYen(1000), Money.ofYen(1200), MARCH, cause);
    }

    private static InitiativeAdded newLine() {
        return new InitiativeAdded(LINE, FY2024, SMART, SOMU, "会計管理費", Money.ofYen(1000), null, MARCH);
    }

    private static SupplementaryBudgetEnacted enacted(LocalDate resolvedOn) {
        SupplementaryBudgetId id = SupplementaryBudgetId.of("sb-1");
        return new SupplementaryBudgetEnacted(id, FY2024, "3月補正", null, resolvedOn,
                List.of(new SupplementaryBudgetEnacted.Item(LINE, Money.ofYen(200), false)), MARCH);
    }

    private record CarriedOver(FiscalYear fiscalYear, ChangeContext change) implements LedgerEvent, PermittedAfterYearEnd {
    }

    @Test
    void everythingOfAYearMayBeRecordedUntilItsLastDay() {
        assertThatCode(() -> YearEndRules.check(List.of(newLine(), amendment(null)), NONE_CLOSED, LAST_DAY)).doesNotThrowAnyException();
    }

    @Test
    void anOrdinaryChangeRecordedAfterTheYearEndedIsRefusedNamingTheRule() {
        assertThatThrownBy(() -> YearEndRules.check(List.of(amendment(null)), NONE_CLOSED, APRIL_FIRST_AFTER))
                .isInstanceOfSatisfying(FiscalYearEndedException.class, e -> {
                    assertThat(e.rule()).isEqualTo("fiscal-year-ended");
                    assertThat(e.isConflict()).isTrue();
                    assertThat(e.getMessage()).contains("2025-03-31", "a change of a line's amount");
                });
        assertThatThrownBy(() -> YearEndRules.check(List.of(newLine()), NONE_CLOSED, APRIL_FIRST_AFTER))
                .isInstanceOf(FiscalYearEndedException.class);
    }

    @Test
    void correctionsCarryOversAndReportsOnSenketsuMayStillBeRecordedAfterTheYearEnded() {
        SenketsuReportedToAssembly report = new SenketsuReportedToAssembly(SupplementaryBudgetId.of("sb-1"), FY2024,
                AssemblyReportOutcome.APPROVED, LocalDate.of(2025, 6, 20), MARCH);
        assertThatCode(() -> YearEndRules.check(List.of(amendment(ChangeCause.correction(3)), new CarriedOver(FY2024, MARCH), report),
                NONE_CLOSED, LocalDate.of(2025, 6, 20))).doesNotThrowAnyException();
    }

    @Test
    void theLineACarryOverOpensInAnEndedNextYearIsRecordedWithIt() {
        InitiativeAdded inTheNextYear = new InitiativeAdded(LINE, FiscalYear.of(2025), SMART, SOMU, "会計管理費（繰越）", Money.ofYen(100),
                null, new ChangeContext(LocalDate.of(2025, 4, 1), "繰越明許", null));
        LocalDate later = LocalDate.of(2026, 12, 2);
        assertThatCode(() -> YearEndRules.check(List.of(new CarriedOver(FY2024, MARCH), inTheNextYear), NONE_CLOSED, later))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> YearEndRules.check(List.of(inTheNextYear), NONE_CLOSED, later)).isInstanceOf(FiscalYearEndedException.class);
        assertThatThrownBy(() -> YearEndRules.check(List.of(new CarriedOver(FY2024, MARCH), inTheNextYear),
                FiscalYear.of(2025)::equals, later)).isInstanceOf(FiscalYearClosedException.class);
    }

    @Test
    void aSupplementaryBudgetDecidedWithinTheYearMayBeRecordedLateButNotOneDecidedAfter() {
        AmountAmended itsChange = amendment(ChangeCause.supplementaryBudget("sb-1"));
        assertThatCode(() -> YearEndRules.check(List.of(itsChange, enacted(LAST_DAY)), NONE_CLOSED, APRIL_FIRST_AFTER))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> YearEndRules.check(List.of(itsChange, enacted(APRIL_FIRST_AFTER)), NONE_CLOSED, APRIL_FIRST_AFTER))
                .isInstanceOf(FiscalYearEndedException.class);
    }

    @Test
    void thePrintedBudgetBookOfAnEndedYearMayBeImported() {
        BudgetDocumentImported imported = new BudgetDocumentImported(DocumentId.of("doc-1"), FY2024,
                new DocumentInfo("別紙3", "別紙3", "千円", "00"), List.of(), List.of(), MARCH);
        assertThatCode(() -> YearEndRules.check(List.of(newLine(), imported), NONE_CLOSED, LocalDate.of(2026, 12, 2)))
                .doesNotThrowAnyException();
    }

    @Test
    void nothingButTheYearsOwnLifeIsRecordedForAClosedYear() {
        Predicate<FiscalYear> closed = Set.of(FY2024)::contains;
        LocalDate june = LocalDate.of(2025, 6, 1);
        assertThatThrownBy(() -> YearEndRules.check(List.of(amendment(ChangeCause.correction(3))), closed, june))
                .isInstanceOfSatisfying(FiscalYearClosedException.class, e -> assertThat(e.rule()).isEqualTo("fiscal-year-closed"));
        assertThatThrownBy(() -> YearEndRules.check(List.of(new CarriedOver(FY2024, MARCH)), closed, june))
                .isInstanceOf(FiscalYearClosedException.class);
        assertThatCode(() -> YearEndRules.check(List.of(new FiscalYearReopened(FY2024, MARCH.from(june)),
                new FiscalYearClosed(FY2024, MARCH.from(june), false)), closed, june)).doesNotThrowAnyException();
    }

    @Test
    void theSettlementPeriodEndsOnTheThirtyFirstOfMayAfterTheYear() {
        assertThat(YearEndRules.settlementEnd(FY2024)).isEqualTo(LocalDate.of(2025, 5, 31));
    }

    private static ChangeDrafted draft(Proposal proposal, FiscalYear year) {
        return new ChangeDrafted(DraftId.of("dr-1"), ProposalKinds.of(proposal), proposal, "tanaka", year);
    }

    private static final TransferFunds TRANSFER = new TransferFunds(TransferId.of("tr-1"), LINE, InitiativeId.of("line-2"),
            Money.ofYen(100), ChangeContext.of("流用"));

    private static DecideSupplementaryBudgetBySenketsu senketsu(LocalDate decidedOn) {
        return new DecideSupplementaryBudgetBySenketsu(new SupplementaryBill(SupplementaryBudgetId.of("sb-2"), FY2024, "専決補正", null,
                null, null, List.of(SupplementaryItem.change(LINE, Money.ofYen(100))), null), decidedOn);
    }

    @Test
    void aDraftOfAnEndedYearIsRefusedAsItsChangeWouldBeAndPassesUntilTheLastDay() {
        assertThatCode(() -> YearEndRules.checkDraft(draft(TRANSFER, FY2024), NONE_CLOSED, LAST_DAY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> YearEndRules.checkDraft(draft(TRANSFER, FY2024), NONE_CLOSED, APRIL_FIRST_AFTER))
                .isInstanceOf(FiscalYearEndedException.class)
                .hasMessageContaining("a draft of a transfer (流用) can no longer be recorded")
                .satisfies(e -> assertThat(((FiscalYearEndedException) e).concept()).isEqualTo(Concept.FISCAL_YEAR));
    }

    @Test
    void aDraftOfASenketsuDecidedWithinTheYearIsStillRecordedAfterItsEndButNotOneDecidedLater() {
        assertThatCode(() -> YearEndRules.checkDraft(draft(senketsu(LAST_DAY), FY2024), NONE_CLOSED, APRIL_FIRST_AFTER))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> YearEndRules.checkDraft(draft(senketsu(APRIL_FIRST_AFTER), FY2024), NONE_CLOSED, APRIL_FIRST_AFTER))
                .isInstanceOf(FiscalYearEndedException.class);
    }

    @Test
    void aClosedYearTakesNoDraftButItsReopening() {
        Predicate<FiscalYear> closed = FY2024::equals;
        assertThatThrownBy(() -> YearEndRules.checkDraft(draft(senketsu(LAST_DAY), FY2024), closed, LAST_DAY))
                .isInstanceOf(FiscalYearClosedException.class);
        ReopenFiscalYear reopening = new ReopenFiscalYear(FY2024, ChangeContext.of("再開"), APRIL_FIRST_AFTER);
        assertThatCode(() -> YearEndRules.checkDraft(draft(reopening, FY2024), closed, APRIL_FIRST_AFTER)).doesNotThrowAnyException();
    }

    @Test
    void aDraftRecordedWithoutItsFiscalYearPasses() {
        assertThatCode(() -> YearEndRules.checkDraft(draft(TRANSFER, null), FY2024::equals, APRIL_FIRST_AFTER)).doesNotThrowAnyException();
    }
}
