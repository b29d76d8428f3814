package jp.budgetledger.projections.continuing;

import java.time.Instant;
import java.util.List;

/**
 * A 継続費 as recorded up to some instant: its period ({@code fiscalYear} to {@code lastYear}), 款・項, total, basis
 * ({@code supplementaryBudgetId} null: 当初), its shares per year with what was carried into and out of each, and each 逓次繰越.
 */
public record ContinuingExpenseView(String id, int fiscalYear, int lastYear, String name, String department, String categoryCode,
                                    String categoryName, String accountCode, String accountName, String kanCode, String kanName,
                                    String kouCode, String kouName, String mokuName, long totalYen, String supplementaryBudgetId,
                                    String reason, String reference, Instant recordedAt, long position, List<YearShare> shares,
                                    List<CarryForward> carries) {

    /** One year's share (年割額), the line that holds it, and the 逓次繰越 into and out of the year. */
    public record YearShare(int fiscalYear, long amountYen, String initiativeId, long carriedInYen, long carriedOutYen) {
    }

    /** A 逓次繰越 from {@code fromYear} into {@code toYear}. */
    public record CarryForward(int fromYear, int toYear, long amountYen, String reason, String reference, Instant recordedAt, long position) {
    }

    /** The share of {@code year}; null when the year is outside the period. */
    public YearShare share(int year) {
        return shares.stream().filter(s -> s.fiscalYear() == year).findFirst().orElse(null);
    }
}
