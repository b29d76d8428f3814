/** The read model of drafts (起案) of changes that wait for four-eyes approval, and their decisions. */
package jp.budgetledger.projections.approvals;
