/** Carry-overs into the next fiscal year (繰越明許費, 事故繰越し) end to end through HTTP. */
package jp.budgetledger.app.carryovers;
