/** Operational view of the projections: how far each processor has read, and its health. */
package jp.budgetledger.app.projection;
