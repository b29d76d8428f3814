package jp.budgetledger.projections.totals;

import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.projections.ProjectionDatabase;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static jp.budgetledger.projections.Events.added;
import static jp.budgetledger.projections.Events.amended;
import static org.assertj.core.api.Assertions.assertThat;

class TotalsProjectionIT {

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final TotalsProjection projection = new TotalsProjection(jdbc);
    private final TotalsQueries queries = new TotalsQueries(jdbc);

    @BeforeEach
    void clean() {
        projection.reset();
    }

    @Test
    void totalsSumLinesPerDepartmentAndCategoryWithCounts() {
        InitiativeAdded a = added("a", 2020, "1", "総務部", "A", 37_786_000);
        InitiativeAdded b = added("b", 2020, "2", "総務部", "B", 26_036_000);
        InitiativeAdded c = added("c", 2020, "2", "出納局", "C", 24_008_000);
        InitiativeAdded other = added("d", 2021, "1", "総務部", "D", 5_000);
        projection.on(a, new GlobalSequenceTrackingToken(1));
        projection.on(b, new GlobalSequenceTrackingToken(2));
        projection.on(c, new GlobalSequenceTrackingToken(3));
        projection.on(other, new GlobalSequenceTrackingToken(4));
        projection.on(amended(b, 26_036_000, 26_000_000));

        assertThat(queries.byDepartment(2020)).containsExactly(
                new DepartmentTotal("総務部", 63_786_000, 2),
                new DepartmentTotal("出納局", 24_008_000, 1));
        assertThat(queries.byCategory(2020)).containsExactly(
                new CategoryTotal("1", "分類1", 37_786_000, 1),
                new CategoryTotal("2", "分類2", 50_008_000, 2));
        assertThat(queries.total(2020)).isEqualTo(new FiscalYearTotal(2020, 87_794_000, 3));
        assertThat(queries.total(2021)).isEqualTo(new FiscalYearTotal(2021, 5_000, 1));
    }

    @Test
    void anEmptyFiscalYearHasZeroTotals() {
        assertThat(queries.total(2030)).isEqualTo(new FiscalYearTotal(2030, 0, 0));
        assertThat(queries.byDepartment(2030)).isEmpty();
    }

    @Test
    void resetEmptiesTheTables() {
        projection.on(added("a", 2020, "1", "総務部", "A", 1), new GlobalSequenceTrackingToken(1));
        projection.reset();
        assertThat(queries.byCategory(2020)).isEmpty();
        assertThat(queries.total(2020).initiativeCount()).isZero();
    }
}
