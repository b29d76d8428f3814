/**
 * The layout of imported budget documents ({@code budget_document}, {@code budget_document_section},
 * {@code budget_document_line}): titles, section notes and shared summary cells, so that a
 * fiscal year's lines can be laid out again in the 別紙 layout.
 */
package jp.budgetledger.projections.documents;
