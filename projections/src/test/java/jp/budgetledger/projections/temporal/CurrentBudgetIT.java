package jp.budgetledger.projections.temporal;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.ChangeCause;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import jp.budgetledger.core.api.WithdrawalKind;
import jp.budgetledger.projections.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.budgetledger.projections.Events.added;
import static jp.budgetledger.projections.Events.classified;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 予算現額 from the lines' events, worked out by hand. Fiscal year 2020, all lines recorded at t0:
 * <pre>
 * a 一般会計(1) 歳出 2 総務費 › 1 総務管理費 › 1 一般管理費   500,000
 * b 一般会計(1) 歳出 2 総務費 › 1 総務管理費 › 2 文書広報費   300,000
 * r 一般会計(1) 歳出 14 予備費 › 1 予備費 › 1 予備費          100,000
 * v 一般会計(1) 歳入 1 市税 › 1 市民税 › 1 個人             900,000
 * u unclassified                                            7,000
 * t0+60s:  a +20,000 (plain amendment) from 2020-06-01
 * t0+90s:  the amendment corrected (a -20,000 from 2020-06-01)
 * t0+120s: 補正予算A from 2020-09-01: a +50,000, new line n (2 › 1 › 2 文書広報費) 30,000
 * t0+180s: transfer b → a 10,000 from 2020-10-01
 * t0+240s: reserve fund r → a 40,000 from 2020-11-01
 * t0+300s: 補正予算B from 2020-12-01: b +5,000
 * t0+360s: b withdrawn from 2021-01-01
 * </pre>
 */
class CurrentBudgetIT {

    private static final FiscalYear FY = FiscalYear.of(2020);
    private static final Instant T0 = Instant.parse("2020-05-01T00:00:00Z");

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final JdbcTemplate template = new JdbcTemplate(ProjectionDatabase.dataSource());
    private final TemporalProjection lines = new TemporalProjection(jdbc, template);
    private final MovementProjection movements = new MovementProjection(template);
    private final CurrentBudgetQueries queries = new CurrentBudgetQueries(jdbc);
    private final TemporalQueries temporal = new TemporalQueries(jdbc);
    private final Map<String, Long> versions = new HashMap<>();
    private final Map<String, Long> amounts = new HashMap<>();
    private long position;

    private final InitiativeAdded a = classified("a", 2020, "総務課", 500_000, "1:一般会計", "expenditure", "2:総務費", "1:総務管理費", "1:一般管理費");
    private final InitiativeAdded b = classified("b", 2020, "総務課", 300_000, "1:一般会計", "expenditure", "2:総務費", "1:総務管理費", "2:文書広報費");
    private final InitiativeAdded r = classified("r", 2020, "財政課", 100_000, "1:一般会計", "expenditure", "14:予備費", "1:予備費", "1:予備費");
    private final InitiativeAdded v = classified("v", 2020, "税務課", 900_000, "1:一般会計", "revenue", "1:市税", "1:市民税", "1:個人");
    private final InitiativeAdded u = added("u", 2020, "1", "総務部", "U", 7_000);

    @BeforeEach
    void reset() {
        lines.reset();
        movements.reset();
        ProjectionDatabase.newEpoch();
    }

    private void scenario() {
        for (InitiativeAdded line : List.of(a, b, r, v, u)) {
            add(line, 0);
        }
        amend(a, 20_000, "2020-06-01", 60, null);
        amend(a, -20_000, "2020-06-01", 90, ChangeCause.correction(1));
        amend(a, 50_000, "2020-09-01", 120, ChangeCause.supplementaryBudget("A"));
        InitiativeAdded n = new InitiativeAdded(InitiativeId.of("n"), FY, null, b.department(), "新規事業", Money.ofYen(30_000), null,
                new ChangeContext(LocalDate.of(2020, 9, 1), "補正予算A", null), b.classification());
        add(n, 120);
        enacted("A", "補正予算A", "2020-09-01", 120, List.of(new SupplementaryBudgetEnacted.Item(a.initiativeId(), Money.ofYen(50_000), false),
                new SupplementaryBudgetEnacted.Item(n.initiativeId(), Money.ofYen(30_000), true)));
        amend(b, -10_000, "2020-10-01", 180, ChangeCause.transfer("t1"));
        amend(a, 10_000, "2020-10-01", 180, ChangeCause.transfer("t1"));
        amend(r, -40_000, "2020-11-01", 240, ChangeCause.reserveFund("f1"));
        amend(a, 40_000, "2020-11-01", 240, ChangeCause.reserveFund("f1"));
        amend(b, 5_000, "2020-12-01", 300, ChangeCause.supplementaryBudget("B"));
        enacted("B", "補正予算B", "2020-12-01", 300, List.of(new SupplementaryBudgetEnacted.Item(b.initiativeId(), Money.ofYen(5_000), false)));
        withdraw(b, "2021-01-01", 360);
    }

    private void add(InitiativeAdded line, int seconds) {
        String id = line.initiativeId().value();
        var message = ProjectionDatabase.recorded(line, ++position);
        lines.on(line, 0, T0.plusSeconds(seconds), message);
        movements.on(line, 0, T0.plusSeconds(seconds));
        versions.put(id, 0L);
        amounts.put(id, line.amount().yen());
    }

    private void amend(InitiativeAdded line, long delta, String from, int seconds, ChangeCause cause) {
        String id = line.initiativeId().value();
        long before = amounts.get(id);
        long sequence = versions.merge(id, 1L, Long::sum);
        var event = new AmountAmended(line.initiativeId(), FY, line.category(), line.department(), Money.ofYen(before),
                Money.ofYen(before + delta), new ChangeContext(LocalDate.parse(from), "変更", null), cause);
        lines.on(event, sequence, T0.plusSeconds(seconds));
        movements.on(event, sequence, T0.plusSeconds(seconds));
        amounts.put(id, before + delta);
    }

    private void enacted(String id, String name, String from, int seconds, List<SupplementaryBudgetEnacted.Item> items) {
        var event = new SupplementaryBudgetEnacted(SupplementaryBudgetId.of(id), FY, name, null, LocalDate.parse(from), items,
                new ChangeContext(LocalDate.parse(from), name, null));
        movements.on(event, T0.plusSeconds(seconds), ProjectionDatabase.recorded(event, ++position));
    }

    private void withdraw(InitiativeAdded line, String from, int seconds) {
        String id = line.initiativeId().value();
        long sequence = versions.merge(id, 1L, Long::sum);
        lines.on(new InitiativeWithdrawn(line.initiativeId(), FY, line.category(), line.department(), Money.ofYen(amounts.get(id)),
                WithdrawalKind.ABOLISHED, null, new ChangeContext(LocalDate.parse(from), "廃止", null)), sequence, T0.plusSeconds(seconds));
    }

    private static Moment at(String effectiveOn, int secondsAfterT0) {
        return new Moment(LocalDate.parse(effectiveOn), T0.plusSeconds(secondsAfterT0));
    }

    private CurrentBudget report(Moment moment, CurrentBudget.Level level) {
        return queries.report(FY, moment, LineFilter.ALL, level);
    }

    /** The columns' headings, then per group its name and subtotal and its rows: code name: 当初 補正… 予備費 流用 = 現額. */
    private static String render(CurrentBudget report) {
        StringBuilder out = new StringBuilder("columns " + report.supplementaryBudgets().stream().map(CurrentBudget.SupplementaryColumn::header).toList() + "\n");
        for (CurrentBudget.SideGroup group : report.groups()) {
            out.append(group.accountName()).append(' ').append(group.sideName()).append(": ").append(figures(group.subtotal())).append('\n');
            for (CurrentBudget.ReportRow row : group.rows()) {
                out.append("  ").append(row.code()).append(' ').append(row.name()).append(row.lineId() == null ? "" : " [" + row.lineId() + "]")
                        .append(": ").append(figures(row.figures())).append('\n');
            }
        }
        return out.append("total: ").append(figures(report.total())).append('\n').toString();
    }

    private static String figures(CurrentBudget.Amounts f) {
        return f.initialYen() + " " + f.supplementaryYen() + " " + f.reserveFundYen() + " " + f.transferYen() + " = " + f.currentYen();
    }

    @Test
    void theColumnsOfEach目AtTheEndOfTheYear() {
        scenario();
        assertThat(render(report(at("2021-03-31", 400), CurrentBudget.Level.MOKU))).isEqualTo("""
                columns [補正予算A, 補正予算B]
                一般会計 歳入: 900000 [0, 0] 0 0 = 900000
                  1 個人: 900000 [0, 0] 0 0 = 900000
                一般会計 歳出: 600000 [80000, 0] 0 10000 = 690000
                  1 一般管理費: 500000 [50000, 0] 40000 10000 = 600000
                  2 文書広報費: 0 [30000, 0] 0 0 = 30000
                  1 予備費: 100000 [0, 0] -40000 0 = 60000
                未分類 null: 7000 [0, 0] 0 0 = 7000
                  null 未分類: 7000 [0, 0] 0 0 = 7000
                total: 1507000 [80000, 0] 0 10000 = 1597000
                """);
    }

    @Test
    void eachMomentOnBothAxesGivesItsOwnColumns() {
        scenario();
        assertThat(render(report(at("2020-12-15", 400), CurrentBudget.Level.KOU))).as("before the withdrawal takes effect")
                .isEqualTo("""
                        columns [補正予算A, 補正予算B]
                        一般会計 歳入: 900000 [0, 0] 0 0 = 900000
                          1 市民税: 900000 [0, 0] 0 0 = 900000
                        一般会計 歳出: 900000 [80000, 5000] 0 0 = 985000
                          1 総務管理費: 800000 [80000, 5000] 40000 0 = 925000
                          1 予備費: 100000 [0, 0] -40000 0 = 60000
                        未分類 null: 7000 [0, 0] 0 0 = 7000
                          null 未分類: 7000 [0, 0] 0 0 = 7000
                        total: 1807000 [80000, 5000] 0 0 = 1892000
                        """);
        assertThat(render(report(at("2020-08-31", 400), CurrentBudget.Level.KAN))).as("before any supplementary budget takes effect")
                .isEqualTo("""
                        columns []
                        一般会計 歳入: 900000 [] 0 0 = 900000
                          1 市税: 900000 [] 0 0 = 900000
                        一般会計 歳出: 900000 [] 0 0 = 900000
                          2 総務費: 800000 [] 0 0 = 800000
                          14 予備費: 100000 [] 0 0 = 100000
                        未分類 null: 7000 [] 0 0 = 7000
                          null 未分類: 7000 [] 0 0 = 7000
                        total: 1807000 [] 0 0 = 1807000
                        """);
        assertThat(render(report(at("2021-03-31", 70), CurrentBudget.Level.MOKU))).as("the plain amendment known, its correction not yet")
                .contains("  1 一般管理費: 520000 [] 0 0 = 520000");
        assertThat(render(report(at("2021-03-31", 200), CurrentBudget.Level.MOKU))).as("the transfer known, the reserve fund use not yet")
                .contains("  1 一般管理費: 500000 [50000] 0 10000 = 560000", "  2 文書広報費: 300000 [30000] 0 -10000 = 320000");
    }

    @Test
    void aLineLevelReportHasEachLineInForceUnderIts目() {
        scenario();
        assertThat(render(report(at("2021-03-31", 400), CurrentBudget.Level.LINE))).isEqualTo("""
                columns [補正予算A, 補正予算B]
                一般会計 歳入: 900000 [0, 0] 0 0 = 900000
                  null 1:個人 [v]: 900000 [0, 0] 0 0 = 900000
                一般会計 歳出: 600000 [80000, 0] 0 10000 = 690000
                  null 1:一般管理費 [a]: 500000 [50000, 0] 40000 10000 = 600000
                  null 新規事業 [n]: 0 [30000, 0] 0 0 = 30000
                  null 1:予備費 [r]: 100000 [0, 0] -40000 0 = 60000
                未分類 null: 7000 [0, 0] 0 0 = 7000
                  null U [u]: 7000 [0, 0] 0 0 = 7000
                total: 1507000 [80000, 0] 0 10000 = 1597000
                """);
    }

    @Test
    void the予算現額IsTheTotalOfTheLinesAtEveryMoment() {
        scenario();
        for (Moment moment : List.of(at("2020-04-01", 0), at("2020-06-01", 60), at("2020-09-01", 130), at("2020-10-01", 200),
                at("2020-11-15", 250), at("2021-01-01", 400), at("2021-03-31", 400))) {
            CurrentBudget report = report(moment, CurrentBudget.Level.LINE);
            assertThat(report.total().currentYen()).as("at %s", moment).isEqualTo(temporal.total(FY, moment).totalYen());
            for (CurrentBudget.SideGroup group : report.groups()) {
                for (CurrentBudget.ReportRow row : group.rows()) {
                    CurrentBudget.Amounts f = row.figures();
                    assertThat(f.initialYen() + f.supplementaryYen().stream().mapToLong(Long::longValue).sum() + f.reserveFundYen()
                            + f.transferYen()).as("%s at %s", row.lineId(), moment).isEqualTo(f.currentYen());
                }
            }
        }
    }

    @Test
    void aFilterBy会計LeavesOutTheUnclassifiedLines() {
        scenario();
        CurrentBudget report = queries.report(FY, at("2021-03-31", 400), new LineFilter("01", null), CurrentBudget.Level.KAN);
        assertThat(report.groups()).extracting(CurrentBudget.SideGroup::accountName).containsExactly("一般会計", "一般会計");
        assertThat(report.total().currentYen()).isEqualTo(1_590_000);
    }

    @Test
    void aNewLineOfASupplementaryBudgetIsThatBudgetsWhicheverOfItsEventsComesFirstAndEventsDeliveredAgainChangeNothing() {
        add(a, 0);
        enacted("A", "補正予算A", "2020-09-01", 120, List.of(new SupplementaryBudgetEnacted.Item(b.initiativeId(), Money.ofYen(300_000), true)));
        add(b, 120);
        add(b, 120);
        movements.on(a, 0, T0);
        assertThat(render(report(at("2021-03-31", 400), CurrentBudget.Level.MOKU))).isEqualTo("""
                columns [補正予算A]
                一般会計 歳出: 500000 [300000] 0 0 = 800000
                  1 一般管理費: 500000 [0] 0 0 = 500000
                  2 文書広報費: 0 [300000] 0 0 = 300000
                total: 500000 [300000] 0 0 = 800000
                """);
    }

    @Test
    void theLevelIsReadFromItsName() {
        assertThat(CurrentBudget.Level.parse("level", null)).isEqualTo(CurrentBudget.Level.MOKU);
        assertThat(CurrentBudget.Level.parse("level", " Line ")).isEqualTo(CurrentBudget.Level.LINE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CurrentBudget.Level.parse("level", "setsu"))
                .hasMessageContaining("kan, kou, moku, line");
    }
}
