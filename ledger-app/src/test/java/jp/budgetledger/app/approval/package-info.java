/** Four-eyes approval of changes, end to end with the packaged default of which kinds need it. */
package jp.budgetledger.app.approval;
