package jp.budgetledger.projections.totals;

/** The grand total of one fiscal year, in yen. */
public record FiscalYearTotal(int fiscalYear, long totalYen, int initiativeCount) {
}
