/**
 * Read models of the ledger. One package per read model; each is fed by its own streaming
 * event processor ({@link jp.budgetledger.projections.ProjectionNames}), keeps its tables in
 * PostgreSQL, updates them in the same transaction as the processor's token, and can be
 * dropped and rebuilt from the events by a reset of that processor.
 */
package jp.budgetledger.projections;
