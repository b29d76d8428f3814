/**
 * The audit side of the ledger: metadata on every event, the per-line SHA-256 hash chain and
 * its verification, digests for auditors to keep, event history, and literal replay of the raw
 * event stream against the temporal read model.
 */
package jp.budgetledger.app.audit;
