/**
 * The life of the fiscal years: closing a year (確定) and sealing the close with a signed tree head of the store, asking for
 * its reopening (always with four-eyes approval), sealing closes left without a seal, and each year's state at a moment.
 */
package jp.budgetledger.app.years;
