package jp.budgetledger.projections.totals;

/** The total of a department's lines in one fiscal year, in yen. */
public record DepartmentTotal(String department, long totalYen, int initiativeCount) {
}
