/**
 * 継続費 (地方自治法 第212条): each with its shares (年割額) per year and its 逓次繰越, readable as of an instant
 * ({@code continuing_expense}, {@code continuing_expense_share}, {@code continuing_expense_carry}).
 */
package jp.budgetledger.projections.continuing;
