/**
 * Budget tables in the 別紙 layout published by budget offices: a model of the document
 * ({@link jp.budgetledger.core.document.BudgetTable}), a tolerant parser that reports every
 * problem with its row, reconciliation of printed subtotals and totals, and the writer that
 * lays a table out again. No Spring, no I/O beyond the bytes handed in.
 */
package jp.budgetledger.core.document;
