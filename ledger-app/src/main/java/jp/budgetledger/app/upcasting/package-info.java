/** Upcasters: how events stored in an older revision are read as the current one. Stored bytes never change. */
package jp.budgetledger.app.upcasting;
