/**
 * The ledger's benchmark ({@code ledger-bench.jar}): its scenarios and load clients against the product's real
 * configuration on a fresh embedded PostgreSQL it creates (and the only database it writes into), and the meter
 * of the machine time each scenario costs. Not part of the product: nothing in {@code jp.budgetledger.app}
 * depends on it.
 */
package jp.budgetledger.bench;
