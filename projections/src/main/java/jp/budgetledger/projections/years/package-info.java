/** The read model of the fiscal years' own life: their closes (確定), the seals of the closes and their reopenings. */
package jp.budgetledger.projections.years;
