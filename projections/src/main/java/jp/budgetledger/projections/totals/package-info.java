/** Totals per fiscal year, department and category ({@code department_total}, {@code category_total}). */
package jp.budgetledger.projections.totals;
