/**
 * The ledger's public language: commands, events, value objects and the results of commands.
 * Everything here is immutable; value objects validate their shape in their constructors and
 * throw {@link jp.budgetledger.core.api.InvalidValueException} naming the offending field.
 */
package jp.budgetledger.core.api;
