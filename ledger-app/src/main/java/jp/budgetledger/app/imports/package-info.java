/** Importing budget tables in the 別紙 layout: the report, the HTTP endpoint, the bundled sample at start-up. */
package jp.budgetledger.app.imports;
