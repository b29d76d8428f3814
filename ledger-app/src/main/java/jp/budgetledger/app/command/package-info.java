/** The command side's infrastructure: sending commands with their metadata, the uniqueness registry, the 科目 table, the 会計 balance guard and the fiscal years' gate. */
package jp.budgetledger.app.command;
