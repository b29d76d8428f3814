/** What operators watch: metrics on the Prometheus endpoint, and correlation ids in every log line of a request. */
package jp.budgetledger.app.observability;
