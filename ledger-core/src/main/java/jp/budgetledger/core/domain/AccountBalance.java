package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.Money;

/**
 * The two sides of one 会計 in one fiscal year: the sum of its lines' amounts with every recorded change, and the number
 * of its lines, on each side. A 会計 with lines on one side only (a book of one side being recorded) is balanced by
 * definition; with lines on both sides its totals must be equal.
 */
public record AccountBalance(long revenueYen, long revenueLines, long expenditureYen, long expenditureLines) {

    /** True when the 会計 has lines on both sides and their totals differ. */
    public boolean isUnbalanced() {
        return revenueLines > 0 && expenditureLines > 0 && revenueYen != expenditureYen;
    }

    /**
     * Refuses a change that leaves the 会計 unbalanced, unless it says it is one side of a set still being recorded.
     *
     * @param account the 会計 as printed (code and name, or name)
     * @throws UnbalancedAccountException naming both totals
     */
    public void requireBalanced(FiscalYear fiscalYear, String account, boolean partOfSet) {
        if (!partOfSet && isUnbalanced()) {
            throw new UnbalancedAccountException(fiscalYear, account, Money.ofYen(revenueYen), Money.ofYen(expenditureYen));
        }
    }
}
