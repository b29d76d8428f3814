package jp.budgetledger.projections.totals;

/** The total of a category's lines in one fiscal year, in yen. */
public record CategoryTotal(String categoryCode, String categoryName, long totalYen, int initiativeCount) {
}
