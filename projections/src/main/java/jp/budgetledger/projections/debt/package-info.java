/**
 * 債務負担行為 (地方自治法 第214条) of each fiscal year's budget and their changes ({@code debt_commitment},
 * {@code debt_commitment_change}), for 第3表 and the 債務負担行為調書. No total reads them: they are commitments.
 */
package jp.budgetledger.projections.debt;
