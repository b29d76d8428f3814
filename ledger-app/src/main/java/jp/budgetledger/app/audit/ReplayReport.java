package jp.budgetledger.app.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A literal replay next to the read model: the totals folded from the raw event stream and the
 * totals the temporal read model gives for the same moment, their differences (any is a defect),
 * and how many events were read at what rate.
 */
public record ReplayReport(int fiscalYear, Instant asOf, LocalDate effectiveOn, long headPosition, long eventsRead,
                           long millis, long eventsPerSecond, Totals replay, Totals readModel, List<String> differences,
                           boolean matches) {

    /**
     * Totals of one side: grand total and line count, per department, per category code (lines without a
     * category left out), and per 款, 項 and 目 of the classified lines, keyed {@code 会計|side|款[/項[/目]]}
     * by the levels' keys ({@code "1|expenditure|2/1"}).
     */
    public record Totals(long totalYen, int initiativeCount, Map<String, Long> departmentsYen, Map<String, Long> categoriesYen,
                         Map<String, Long> subjectsYen) {
    }
}
