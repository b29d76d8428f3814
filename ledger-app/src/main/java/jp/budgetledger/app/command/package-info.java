/** The command side's infrastructure: sending commands with their metadata and the uniqueness registry. */
package jp.budgetledger.app.command;
