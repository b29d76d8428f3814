/** 継続費 end to end through HTTP. */
package jp.budgetledger.app.continuing;
