/** The Budget Ledger service: wiring of the event store, command side, projections and HTTP API. */
package jp.budgetledger.app;
