/** The ledger-wide audit log ({@code audit_event}): one row per event with who, when, why and what changed. */
package jp.budgetledger.projections.audit;
