/**
 * {@code Idempotency-Key}: keys scoped per user and expiring, each written in the transaction of the command it belongs to
 * together with the command's outcome, so that no crash makes a retry apply twice or leaves a key answering 409.
 */
package jp.budgetledger.app.idempotency;
