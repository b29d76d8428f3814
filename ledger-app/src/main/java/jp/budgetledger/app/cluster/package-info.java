/** Several nodes on one PostgreSQL: which nodes are alive, and each node's fair share of projection segments. */
package jp.budgetledger.app.cluster;
