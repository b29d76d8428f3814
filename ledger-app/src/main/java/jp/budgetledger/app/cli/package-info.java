/** Command-line operations of {@code ledger-app.jar} (e.g. {@code import}), run against the same database as the service. */
package jp.budgetledger.app.cli;
