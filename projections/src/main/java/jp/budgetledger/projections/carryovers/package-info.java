/** The read model of carry-overs into the next fiscal year (繰越明許費, 事故繰越し): the limits of 第2表 and the 繰越計算書. */
package jp.budgetledger.projections.carryovers;
