/** The list of budget lines in their current state ({@code initiative_view}). */
package jp.budgetledger.projections.initiatives;
