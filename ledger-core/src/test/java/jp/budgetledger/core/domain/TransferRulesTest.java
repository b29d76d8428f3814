package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.BarSetsu;
import jp.budgetledger.core.api.BarredSetsu;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeCause;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.FundsTransferred;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.RegisterTransferClause;
import jp.budgetledger.core.api.ReserveFund;
import jp.budgetledger.core.api.ReserveFundUseId;
import jp.budgetledger.core.api.ReserveFundUsed;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.api.TransferClause;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.TransferId;
import jp.budgetledger.core.api.UseReserveFund;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 流用 by level (地方自治法 第220条第2項), the 予算総則's clauses and barred 節, and 予備費充用 (第217条), on
 * Axon's command bus with an in-memory store: what is refused records nothing, what is allowed records the level it crossed.
 */
class TransferRulesTest {

    private static final FiscalYear FY = FiscalYear.of(2024);
    private static final SubjectLevel GENERAL = SubjectLevel.of("1", "一般会計");
    private static final SubjectLevel INSURANCE = SubjectLevel.of("2", "国民健康保険事業特別会計");
    private static final SubjectLevel SOUMU = SubjectLevel.of("2", "総務費");
    private static final SubjectLevel KANRI = SubjectLevel.of("1", "総務管理費");
    private static final SubjectLevel CHOUZEI = SubjectLevel.of("2", "徴税費");
    private static final SubjectLevel KYURYO = SubjectLevel.of("2", "給料");
    private static final SubjectLevel TEATE = SubjectLevel.of("3", "職員手当等");
    private static final SubjectLevel KOUSAI = SubjectLevel.of("9", "交際費");
    private static final SubjectLevel JUYOU = SubjectLevel.of("10", "需用費");

    private InMemoryLedger ledger;
    private int lines;

    @BeforeEach
    void setUp() {
        ledger = new InMemoryLedger();
    }

    private static Subject path(SubjectLevel kan, SubjectLevel kou, SubjectLevel moku, SubjectLevel setsu) {
        return new Subject(kan, kou, moku, null, setsu, null);
    }

    private static Subject soumu(SubjectLevel kou, String mokuCode, SubjectLevel setsu) {
        String moku = kou.equals(KANRI) ? (mokuCode.equals("1") ? "一般管理費" : "文書広報費") : (mokuCode.equals("1") ? "税務総務費" : "賦課徴収費");
        return path(SOUMU, kou, SubjectLevel.of(mokuCode, moku), setsu);
    }

    private static final Subject MINSEI = path(SubjectLevel.of("3", "民生費"), SubjectLevel.of("1", "社会福祉費"),
            SubjectLevel.of("1", "社会福祉総務費"), null);
    private static final Subject RESERVE = path(SubjectLevel.of("14", "予備費"), SubjectLevel.of("1", "予備費"),
            SubjectLevel.of("1", "予備費"), null);
    private static final Subject TAX = path(SubjectLevel.of("1", "市税"), SubjectLevel.of("1", "市民税"), SubjectLevel.of("1", "個人"), null);

    private InitiativeId line(SubjectLevel account, Side side, Subject subject, long yen) {
        InitiativeId id = InitiativeId.of("line-" + (++lines));
        ledger.send(new AddInitiative(id, FY, null, Department.of("財政課"), "事業" + lines, Money.ofYen(yen), null,
                new ChangeContext(FY.firstDay(), "当初予算", null), new Classification(account, side, subject, null)));
        return id;
    }

    private InitiativeId expenditure(Subject subject, long yen) {
        return line(GENERAL, Side.EXPENDITURE, subject, yen);
    }

    private InitiativeId unclassified(long yen) {
        InitiativeId id = InitiativeId.of("line-" + (++lines));
        ledger.send(new AddInitiative(id, FY, new Category("1", "分類"), Department.of("財政課"), "事業" + lines, Money.ofYen(yen), null,
                new ChangeContext(FY.firstDay(), "当初予算", null)));
        return id;
    }

    private static TransferFunds transfer(InitiativeId from, InitiativeId to, long yen, String clause) {
        return new TransferFunds(TransferId.generate(), from, to, Money.ofYen(yen), ChangeContext.of("流用"), clause);
    }

    private FundsTransferred transferred(InitiativeId from, InitiativeId to, long yen, String clause) {
        ledger.send(transfer(from, to, yen, clause));
        List<Object> events = ledger.events();
        return (FundsTransferred) events.get(events.size() - 1);
    }

    private void assertRefused(Object command, String rule, Concept concept) {
        int recorded = ledger.events().size();
        assertThatThrownBy(() -> ledger.send(command)).isInstanceOfSatisfying(LedgerRuleViolation.class, e -> {
            assertThat(e.rule()).isEqualTo(rule);
            assertThat(e.concept()).isEqualTo(concept);
        });
        assertThat(ledger.events()).as("nothing recorded").hasSize(recorded);
        ledger.check(handlers -> assertThatThrownBy(() -> {
            if (command instanceof TransferFunds transfer) {
                handlers.check(transfer);
            } else {
                handlers.check((UseReserveFund) command);
            }
        }).as("the check refuses it likewise").isInstanceOfSatisfying(LedgerRuleViolation.class, e -> assertThat(e.rule()).isEqualTo(rule)));
        assertThat(ledger.events()).hasSize(recorded);
    }

    private void registerClause(String article, List<SubjectLevel> kous, List<SubjectLevel> setsus) {
        ledger.send(new RegisterTransferClause(FY, GENERAL, new TransferClause(article, "各項に計上した給料、職員手当等及び共済費に係る予算額に"
                + "過不足を生じた場合における同一款内でのこれらの経費の各項の間の流用", SOUMU, kous, setsus), ChangeContext.of("予算総則")));
    }

    @Test
    void aReserveFundIsTheLineOfAKanNamedYobihi() {
        assertThat(ReserveFund.is(new Classification(GENERAL, Side.EXPENDITURE, RESERVE, null))).isTrue();
        assertThat(ReserveFund.isKan(SubjectLevel.of(null, "　予備費 "))).isTrue();
        assertThat(ReserveFund.isKan(SubjectLevel.of("14", "災害予備費"))).isFalse();
        assertThat(ReserveFund.is(new Classification(GENERAL, Side.EXPENDITURE, MINSEI, null))).isFalse();
        assertThat(ReserveFund.is(null)).isFalse();
    }

    @Test
    void aTransferAcrossKanIsRefused() {
        InitiativeId from = expenditure(soumu(KANRI, "1", null), 1_000);
        InitiativeId to = expenditure(MINSEI, 1_000);
        assertRefused(transfer(from, to, 100, null), "transfer-across-kan", Concept.DESTINATION_LINE);
    }

    @Test
    void aTransferAcrossKouIsRefusedWithoutAClauseAndWithAClauseThatDoesNotCoverItButAcceptedWithOneThatDoes() {
        InitiativeId from = expenditure(soumu(KANRI, "1", KYURYO), 1_000);
        InitiativeId to = expenditure(soumu(CHOUZEI, "1", TEATE), 1_000);
        InitiativeId supplies = expenditure(soumu(CHOUZEI, "2", JUYOU), 1_000);
        assertRefused(transfer(from, to, 100, null), "transfer-across-kou", Concept.DESTINATION_LINE);
        assertRefused(transfer(from, to, 100, "第5条"), "unknown-clause", Concept.CLAUSE);

        registerClause("第5条", null, List.of(KYURYO, TEATE, SubjectLevel.of("4", "共済費")));
        assertRefused(transfer(from, to, 100, null), "transfer-across-kou", Concept.DESTINATION_LINE);
        assertRefused(transfer(from, supplies, 100, "第5条"), "transfer-across-kou", Concept.CLAUSE);

        FundsTransferred accepted = transferred(from, to, 100, "第５条");
        assertThat(accepted.level()).isEqualTo("kou");
        assertThat(accepted.clause()).isEqualTo("第５条");
        assertThat(ledger.eventsOf(to)).last().isInstanceOfSatisfying(AmountAmended.class,
                amended -> assertThat(amended.amountAfter()).isEqualTo(Money.ofYen(1_100)));
    }

    @Test
    void aClauseNamingTheKouCoversTransfersBetweenThoseKouOnly() {
        registerClause("第6条", List.of(SubjectLevel.of("1", "総務管理費"), SubjectLevel.of(null, "徴税費")), null);
        InitiativeId from = expenditure(soumu(KANRI, "2", JUYOU), 1_000);
        InitiativeId to = expenditure(soumu(CHOUZEI, "2", JUYOU), 1_000);
        assertThat(transferred(from, to, 10, "第6条").level()).isEqualTo("kou");

        InitiativeId elsewhere = expenditure(soumu(SubjectLevel.of("3", "戸籍住民基本台帳費"), "1", JUYOU), 1_000);
        assertRefused(transfer(from, elsewhere, 10, "第6条"), "transfer-across-kou", Concept.CLAUSE);
    }

    @Test
    void withinAKouATransferIsAllowedAndRecordsTheLevelItCrossed() {
        InitiativeId salaries = expenditure(soumu(KANRI, "1", KYURYO), 1_000);
        InitiativeId allowances = expenditure(soumu(KANRI, "1", TEATE), 1_000);
        InitiativeId otherMoku = expenditure(soumu(KANRI, "2", KYURYO), 1_000);
        assertThat(transferred(salaries, allowances, 10, null).level()).isEqualTo("setsu");
        assertThat(transferred(salaries, otherMoku, 10, null).level()).isEqualTo("moku");
        assertThat(transferred(salaries, otherMoku, 10, null).clause()).isNull();
    }

    @Test
    void aBarredSetsuIsRefusedAsASourceButMayReceive() {
        InitiativeId entertainment = expenditure(soumu(KANRI, "1", KOUSAI), 1_000);
        InitiativeId supplies = expenditure(soumu(KANRI, "1", JUYOU), 1_000);
        ledger.send(new BarSetsu(FY, GENERAL, new BarredSetsu(SubjectLevel.of("09", "交際費"), "交際費は流用により増減しない"),
                ChangeContext.of("執行方針")));
        assertRefused(transfer(entertainment, supplies, 10, null), "transfer-from-barred-setsu", Concept.SOURCE_LINE);
        assertThat(transferred(supplies, entertainment, 10, null).level()).isEqualTo("setsu");
    }

    @Test
    void aTransferAcrossAccountsOrSidesIsRefused() {
        InitiativeId general = expenditure(soumu(KANRI, "1", null), 1_000);
        InitiativeId insurance = line(INSURANCE, Side.EXPENDITURE, soumu(KANRI, "1", null), 1_000);
        InitiativeId revenue = line(GENERAL, Side.REVENUE, TAX, 1_000);
        assertRefused(transfer(general, insurance, 10, null), "transfer-across-account", Concept.DESTINATION_LINE);
        assertRefused(transfer(revenue, general, 10, null), "transfer-across-side", Concept.DESTINATION_LINE);
    }

    @Test
    void anOrdinaryTransferFromOrToAReserveFundIsRefused() {
        InitiativeId reserve = expenditure(RESERVE, 1_000);
        InitiativeId general = expenditure(soumu(KANRI, "1", null), 1_000);
        assertRefused(transfer(reserve, general, 10, null), "transfer-touches-reserve-fund", Concept.SOURCE_LINE);
        assertRefused(transfer(general, reserve, 10, null), "transfer-touches-reserve-fund", Concept.DESTINATION_LINE);
        assertRefused(transfer(unclassified(1_000), reserve, 10, null), "transfer-touches-reserve-fund", Concept.DESTINATION_LINE);
    }

    @Test
    void unclassifiedLinesTransferAsBeforeWithNoLevel() {
        InitiativeId first = unclassified(1_000);
        InitiativeId second = unclassified(1_000);
        InitiativeId classified = expenditure(soumu(KANRI, "1", null), 1_000);
        FundsTransferred transferred = transferred(first, second, 300, null);
        assertThat(transferred.level()).isNull();
        assertThat(transferred.clause()).isNull();
        assertThat(transferred(second, classified, 300, null).level()).isNull();
        assertRefused(transfer(first, second, 701, null), "negative-amount", Concept.AMOUNT_CHANGE);
    }

    private static UseReserveFund use(InitiativeId from, InitiativeId to, long yen, LocalDate from_) {
        return new UseReserveFund(ReserveFundUseId.generate(), from, to, Money.ofYen(yen), new ChangeContext(from_, "予備費充用", "財第1号"));
    }

    @Test
    void aReserveFundIsUsedForAnExpenditureLineOfItsAccount() {
        InitiativeId reserve = expenditure(RESERVE, 1_000);
        InitiativeId disaster = expenditure(soumu(KANRI, "1", JUYOU), 0);
        UseReserveFund command = use(reserve, disaster, 400, LocalDate.of(2024, 8, 1));
        ledger.check(handlers -> handlers.check(command));
        ledger.send(command);

        ChangeCause cause = ChangeCause.reserveFund(command.useId().value());
        assertThat(ledger.eventsOf(reserve)).last().isInstanceOfSatisfying(AmountAmended.class, amended -> {
            assertThat(amended.amountAfter()).isEqualTo(Money.ofYen(600));
            assertThat(amended.cause()).isEqualTo(cause);
        });
        assertThat(ledger.eventsOf(disaster)).last().isInstanceOfSatisfying(AmountAmended.class, amended -> {
            assertThat(amended.amountAfter()).isEqualTo(Money.ofYen(400));
            assertThat(amended.cause()).isEqualTo(cause);
            assertThat(amended.change().effectiveDate()).isEqualTo(LocalDate.of(2024, 8, 1));
        });
        assertThat(ledger.events()).last().isEqualTo(new ReserveFundUsed(command.useId(), FY, reserve, disaster, Money.ofYen(400),
                new ChangeContext(LocalDate.of(2024, 8, 1), "予備費充用", "財第1号")));
    }

    @Test
    void aReserveFundIsNotUsedIntoRevenueAnotherReserveAnotherAccountFromAnOrdinaryLineOrBeyondItsBalance() {
        InitiativeId reserve = expenditure(RESERVE, 1_000);
        InitiativeId secondReserve = expenditure(path(RESERVE.kan(), RESERVE.kou(), SubjectLevel.of("2", "災害予備費"), null), 1_000);
        InitiativeId general = expenditure(soumu(KANRI, "1", null), 1_000);
        InitiativeId other = expenditure(soumu(KANRI, "2", null), 1_000);
        InitiativeId revenue = line(GENERAL, Side.REVENUE, TAX, 1_000);
        InitiativeId insurance = line(INSURANCE, Side.EXPENDITURE, soumu(KANRI, "1", null), 1_000);
        InitiativeId plain = unclassified(1_000);
        LocalDate august = LocalDate.of(2024, 8, 1);

        assertRefused(use(reserve, revenue, 10, august), "reserve-fund-revenue-side", Concept.DESTINATION_LINE);
        assertRefused(use(reserve, secondReserve, 10, august), "reserve-fund-into-reserve", Concept.DESTINATION_LINE);
        assertRefused(use(reserve, insurance, 10, august), "reserve-fund-across-account", Concept.DESTINATION_LINE);
        assertRefused(use(reserve, plain, 10, august), "reserve-fund-across-account", Concept.DESTINATION_LINE);
        assertRefused(use(general, other, 10, august), "not-a-reserve-fund", Concept.SOURCE_LINE);
        assertRefused(use(plain, general, 10, august), "not-a-reserve-fund", Concept.SOURCE_LINE);
        assertRefused(use(reserve, general, 1_001, august), "reserve-fund-exceeded", Concept.AMOUNT_CHANGE);

        ledger.send(use(reserve, general, 800, LocalDate.of(2024, 10, 1)));
        assertRefused(use(reserve, other, 300, august), "reserve-fund-exceeded", Concept.AMOUNT_CHANGE);
        ledger.send(use(reserve, other, 200, august));
    }
}
