/** The command side's infrastructure: sending commands with their metadata, the uniqueness registry, the 科目 table and the 会計 balance guard. */
package jp.budgetledger.app.command;
