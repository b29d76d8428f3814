package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.FiscalYear;

/**
 * The series of supplementary budget numbers (第1号, 第2号 …): one per fiscal year and 会計, and one for the bills of lines
 * without a 会計. Implementations must take part in the transaction of the command that calls them, so that a number
 * claimed by a command that later fails is given again, and must hand out each number of a series once however many
 * commands claim at the same time.
 */
public interface SupplementaryBudgetNumbers {

    /** The series of the bills whose lines have no 会計. */
    String UNCLASSIFIED = "";

    /**
     * Claims the next number of {@code series} (a 会計's key, or {@link #UNCLASSIFIED}) in {@code fiscalYear}.
     *
     * @return 1 for the series' first bill, then 2, 3 …
     */
    int next(FiscalYear fiscalYear, String series);
}
