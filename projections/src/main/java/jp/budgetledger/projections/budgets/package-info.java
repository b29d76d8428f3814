/** Supplementary budgets (補正予算) of each fiscal year, in the order they were recorded ({@code supplementary_budget}). */
package jp.budgetledger.projections.budgets;
