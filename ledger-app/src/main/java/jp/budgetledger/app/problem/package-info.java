/**
 * The one place that builds and writes problem+json (RFC 9457) responses, for the web layer and
 * for the security filters alike; it depends on no other package of the application.
 */
package jp.budgetledger.app.problem;
