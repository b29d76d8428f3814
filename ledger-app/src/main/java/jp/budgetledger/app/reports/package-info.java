/** Reports read from the projections: the 別紙 budget table of a fiscal year as text, CSV and XLSX. */
package jp.budgetledger.app.reports;
