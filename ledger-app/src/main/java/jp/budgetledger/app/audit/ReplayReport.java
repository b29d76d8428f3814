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

    /** Totals of one side: grand total and line count, per department and per category code. */
    public record Totals(long totalYen, int initiativeCount, Map<String, Long> departmentsYen, Map<String, Long> categoriesYen) {
    }
}
