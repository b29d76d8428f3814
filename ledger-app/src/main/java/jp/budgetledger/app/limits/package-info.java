/** How much one request or import may carry: the configured limits and the exception a request over one raises. */
package jp.budgetledger.app.limits;
