/**
 * Aggregates and the stateful rules of the ledger. Rule violations are named exceptions
 * extending {@link jp.budgetledger.core.domain.LedgerRuleViolation}.
 */
package jp.budgetledger.core.domain;
