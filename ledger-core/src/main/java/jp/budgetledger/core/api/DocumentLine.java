package jp.budgetledger.core.api;

/**
 * Where a line of an imported document went: the budget line it became, its section and row,
 * and whether it shared the summary cell of the line above it. A line of a document without sections
 * (a budget CSV) has no section code.
 */
public record DocumentLine(InitiativeId initiativeId, String sectionCode, int row, boolean summaryShared) {
}
