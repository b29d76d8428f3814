/**
 * Loading past budgets in bulk for the benchmark: ordinary events, applied by the aggregate's own command
 * handlers in memory and appended through the product's event store in large batches.
 */
package jp.budgetledger.bench.history;
