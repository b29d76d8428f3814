/** Checks on the repository itself: what git tracks. */
package jp.budgetledger.app.hygiene;
