package jp.budgetledger.projections.temporal;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.projections.ProjectionDatabase;
import jp.budgetledger.projections.totals.CategoryTotal;
import jp.budgetledger.projections.totals.DepartmentTotal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static jp.budgetledger.projections.Events.added;
import static jp.budgetledger.projections.Events.classification;
import static jp.budgetledger.projections.Events.classified;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Totals per 会計, side and 科目 from {@code line_state}, worked out by hand. Fiscal year 2020, recorded at t0:
 * <pre>
 * a 一般会計(1) 歳入 1 市税 › 1 市民税 › 1 個人                     600,000 税務課
 * b 一般会計(1) 歳入 10 地方交付税 › 1 地方交付税 › 1 地方交付税      100,000 財政課
 * c 一般会計(1) 歳出 2 総務費 › 1 総務管理費 › 1 一般管理費 › 節 2 給料 500,000 総務課
 * d 一般会計(1) 歳出 2 総務費 › 2 徴税費 › 1 税務総務費              200,000 税務課
 * e 国民健康保険特別会計 (no code) 歳出 1 総務費 › 1 総務管理費 › 1 一般管理費 50,000 保険年金課
 * u unclassified, category 1                                          7,000 総務部
 * t0+60s:  d +100,000 from 2020-10-01
 * t0+120s: c moved to 目 2 文書広報費 (節 2 給料) from 2020-09-01
 * </pre>
 */
class SubjectTotalsIT {

    private static final FiscalYear FY = FiscalYear.of(2020);
    private static final Instant T0 = Instant.parse("2020-05-01T00:00:00Z");

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final TemporalProjection projection = new TemporalProjection(jdbc, new JdbcTemplate(ProjectionDatabase.dataSource()));
    private final TemporalQueries queries = new TemporalQueries(jdbc);

    @BeforeEach
    void scenario() {
        projection.reset();
        ProjectionDatabase.newEpoch();
        List<InitiativeAdded> lines = List.of(
                classified("a", 2020, "税務課", 600_000, "1:一般会計", "revenue", "1:市税", "1:市民税", "1:個人"),
                classified("b", 2020, "財政課", 100_000, "1:一般会計", "revenue", "10:地方交付税", "1:地方交付税", "1:地方交付税"),
                classified("c", 2020, "総務課", 500_000, "1:一般会計", "expenditure", "2:総務費", "1:総務管理費", "1:一般管理費", "", "2:給料"),
                classified("d", 2020, "税務課", 200_000, "1:一般会計", "expenditure", "2:総務費", "2:徴税費", "1:税務総務費"),
                classified("e", 2020, "保険年金課", 50_000, "国民健康保険特別会計", "expenditure", "1:総務費", "1:総務管理費", "1:一般管理費"),
                added("u", 2020, "1", "総務部", "U", 7_000));
        for (int i = 0; i < lines.size(); i++) {
            projection.on(lines.get(i), 0, T0, ProjectionDatabase.recorded(lines.get(i), i + 1));
        }
        InitiativeAdded d = lines.get(3);
        projection.on(new AmountAmended(d.initiativeId(), d.fiscalYear(), null, d.department(), Money.ofYen(200_000), Money.ofYen(300_000),
                new ChangeContext(LocalDate.of(2020, 10, 1), "補正", null)), 1, T0.plusSeconds(60));
        InitiativeAdded c = lines.get(2);
        projection.on(new InitiativeReassigned(c.initiativeId(), c.fiscalYear(), c.department(), c.department(), null, null,
                Money.ofYen(500_000), new ChangeContext(LocalDate.of(2020, 9, 1), "目の変更", null), c.classification(),
                classification("1:一般会計", "expenditure", "2:総務費", "1:総務管理費", "2:文書広報費", "", "2:給料")), 1, T0.plusSeconds(120));
    }

    private static Moment at(String effectiveOn, int secondsAfterT0) {
        return new Moment(LocalDate.parse(effectiveOn), T0.plusSeconds(secondsAfterT0));
    }

    private List<SubjectTree.Node> tree(Moment moment, LineFilter filter, SubjectTree.Depth depth) {
        return SubjectTree.tree(queries.paths(FY, moment, filter), depth);
    }

    /** One node a line, indented by its depth: level code name total count. */
    private static String render(List<SubjectTree.Node> nodes) {
        StringBuilder out = new StringBuilder();
        render(nodes, "", out);
        return out.toString();
    }

    private static void render(List<SubjectTree.Node> nodes, String indent, StringBuilder out) {
        for (SubjectTree.Node n : nodes) {
            out.append(indent).append(n.level()).append(' ').append(n.code()).append(' ').append(n.name()).append(' ')
                    .append(n.totalYen()).append(' ').append(n.lineCount()).append('\n');
            render(n.children(), indent + "  ", out);
        }
    }

    @Test
    void theTreeAfterTheChangesHasEveryNodesTotalAndTheUnclassifiedLinesAsOneAccount() {
        assertThat(render(tree(at("2020-11-01", 180), LineFilter.ALL, SubjectTree.Depth.MOKU))).isEqualTo("""
                account 1 一般会計 1500000 4
                  side expenditure 歳出 800000 2
                    kan 2 総務費 800000 2
                      kou 1 総務管理費 500000 1
                        moku 2 文書広報費 500000 1
                      kou 2 徴税費 300000 1
                        moku 1 税務総務費 300000 1
                  side revenue 歳入 700000 2
                    kan 1 市税 600000 1
                      kou 1 市民税 600000 1
                        moku 1 個人 600000 1
                    kan 10 地方交付税 100000 1
                      kou 1 地方交付税 100000 1
                        moku 1 地方交付税 100000 1
                account null 国民健康保険特別会計 50000 1
                  side expenditure 歳出 50000 1
                    kan 1 総務費 50000 1
                      kou 1 総務管理費 50000 1
                        moku 1 一般管理費 50000 1
                account null 未分類 7000 1
                """);
        assertThat(tree(at("2020-11-01", 180), LineFilter.ALL, SubjectTree.Depth.MOKU).stream().mapToLong(SubjectTree.Node::totalYen).sum())
                .isEqualTo(queries.total(FY, at("2020-11-01", 180)).totalYen());
    }

    @Test
    void eachMomentOnBothAxesGivesItsOwnFigures() {
        LineFilter expenditure = new LineFilter("1", Side.EXPENDITURE);
        assertThat(render(tree(at("2020-08-01", 180), expenditure, SubjectTree.Depth.SAISETSU))).as("before the changes take effect")
                .isEqualTo("""
                        account 1 一般会計 700000 2
                          side expenditure 歳出 700000 2
                            kan 2 総務費 700000 2
                              kou 1 総務管理費 500000 1
                                moku 1 一般管理費 500000 1
                                  setsu 2 給料 500000 1
                              kou 2 徴税費 200000 1
                                moku 1 税務総務費 200000 1
                        """);
        assertThat(render(tree(at("2020-11-01", 90), expenditure, SubjectTree.Depth.MOKU))).as("the amendment known, the move not yet")
                .isEqualTo("""
                        account 1 一般会計 800000 2
                          side expenditure 歳出 800000 2
                            kan 2 総務費 800000 2
                              kou 1 総務管理費 500000 1
                                moku 1 一般管理費 500000 1
                              kou 2 徴税費 300000 1
                                moku 1 税務総務費 300000 1
                        """);
        assertThat(render(tree(at("2020-11-01", 30), expenditure, SubjectTree.Depth.KOU))).as("neither known yet")
                .isEqualTo("""
                        account 1 一般会計 700000 2
                          side expenditure 歳出 700000 2
                            kan 2 総務費 700000 2
                              kou 1 総務管理費 500000 1
                              kou 2 徴税費 200000 1
                        """);
        assertThat(render(tree(at("2020-09-15", 180), new LineFilter("01", null), SubjectTree.Depth.KAN))).as("a code with a leading zero")
                .isEqualTo("""
                        account 1 一般会計 1400000 4
                          side expenditure 歳出 700000 2
                            kan 2 総務費 700000 2
                          side revenue 歳入 700000 2
                            kan 1 市税 600000 1
                            kan 10 地方交付税 100000 1
                        """);
        assertThat(render(tree(at("2020-11-01", 180), new LineFilter("国民健康保険特別会計", null), SubjectTree.Depth.ACCOUNT)))
                .as("a 会計 without a code, by its name").isEqualTo("account null 国民健康保険特別会計 50000 1\n");
    }

    @Test
    void subjectsBalancesDepartmentsAndCategories() {
        Moment after = at("2020-11-01", 180);
        assertThat(SubjectTree.items(queries.paths(FY, after, new LineFilter(null, Side.EXPENDITURE)), SubjectTree.Depth.KOU)).containsExactly(
                new SubjectTree.Item("1", "総務管理費", List.of("一般会計", "歳出", "総務費", "総務管理費"), 500_000, 1),
                new SubjectTree.Item("2", "徴税費", List.of("一般会計", "歳出", "総務費", "徴税費"), 300_000, 1),
                new SubjectTree.Item("1", "総務管理費", List.of("国民健康保険特別会計", "歳出", "総務費", "総務管理費"), 50_000, 1));
        assertThat(SubjectTree.items(queries.paths(FY, at("2020-08-01", 180), LineFilter.ALL), SubjectTree.Depth.SETSU)).containsExactly(
                new SubjectTree.Item("2", "給料", List.of("一般会計", "歳出", "総務費", "総務管理費", "一般管理費", "給料"), 500_000, 1));
        assertThat(SubjectTree.balances(queries.paths(FY, after, LineFilter.ALL))).containsExactly(
                new SubjectTree.Balance("1", "一般会計", 700_000, 800_000, -100_000),
                new SubjectTree.Balance(null, "国民健康保険特別会計", 0, 50_000, -50_000));
        assertThat(queries.byDepartment(FY, after, new LineFilter(null, Side.EXPENDITURE))).containsExactly(
                new DepartmentTotal("総務課", 500_000, 1), new DepartmentTotal("税務課", 300_000, 1), new DepartmentTotal("保険年金課", 50_000, 1));
        assertThat(queries.byDepartment(FY, after, LineFilter.ALL)).containsExactly(
                new DepartmentTotal("税務課", 900_000, 2), new DepartmentTotal("財政課", 100_000, 1), new DepartmentTotal("総務課", 500_000, 1),
                new DepartmentTotal("保険年金課", 50_000, 1), new DepartmentTotal("総務部", 7_000, 1));
        assertThat(queries.byCategory(FY, after)).containsExactly(new CategoryTotal("1", "分類1", 7_000, 1));
        assertThat(queries.byCategory(FY, after, new LineFilter("1", null))).isEmpty();
        assertThat(queries.lines(FY, after, "総務課", null)).extracting(TemporalQueries.LineAt::categoryCode).containsExactly((String) null);
        assertThat(queries.lines(FY, after, "総務課", null)).singleElement().satisfies(line -> {
            assertThat(line.accountName()).isEqualTo("一般会計");
            assertThat(line.side()).isEqualTo(Side.EXPENDITURE);
            assertThat(line.subject().kou().name()).isEqualTo("総務管理費");
        });
        assertThat(queries.lines(FY, after, "総務部", null)).singleElement().satisfies(line -> {
            assertThat(line.accountName()).isNull();
            assertThat(line.subject()).isNull();
        });
    }

    @Test
    void aClassificationReadBackFromItsRowIsTheOneRecorded() {
        assertThat(queries.paths(FY, at("2020-11-01", 180), new LineFilter("1", Side.EXPENDITURE)))
                .extracting(TemporalQueries.PathTotal::classification)
                .contains(classification("1:一般会計", "expenditure", "2:総務費", "1:総務管理費", "2:文書広報費", "", "2:給料"),
                        classification("1:一般会計", "expenditure", "2:総務費", "2:徴税費", "1:税務総務費"));
        assertThat(SubjectLevel.of("01", "一般会計").key()).isEqualTo("1");
    }
}
