/** Loading past budgets in bulk: ordinary events, appended in large batches, for history that is already decided. */
package jp.budgetledger.app.bulk;
