/** Backup and restore of the event stream as NDJSON, byte for byte, so that hashes and digests still verify. */
package jp.budgetledger.app.backup;
