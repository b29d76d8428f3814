/**
 * Reports read from the projections: the 別紙 budget table of a fiscal year as text, CSV and XLSX, 第1表 and
 * 事項別明細書, and the 予算現額 at a moment.
 */
package jp.budgetledger.app.reports;
