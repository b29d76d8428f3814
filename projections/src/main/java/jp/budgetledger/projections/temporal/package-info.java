/**
 * The bitemporal read model ({@code line_state}): each row is a budget line's state valid over an
 * effective-date range and a recorded-time range, so that "in force on D, as known at T" is one
 * indexed lookup per line instead of a replay.
 */
package jp.budgetledger.projections.temporal;
