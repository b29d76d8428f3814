/** The life of a fiscal year through HTTP: its calendar, its close and its reopening. */
package jp.budgetledger.app.years;
