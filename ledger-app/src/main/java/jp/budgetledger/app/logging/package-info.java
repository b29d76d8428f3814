/** Text that a request controls, made safe to write into a log line. */
package jp.budgetledger.app.logging;
