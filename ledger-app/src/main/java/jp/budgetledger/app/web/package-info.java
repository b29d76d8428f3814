/** The JSON API under {@code /api}: request DTOs, controllers and the problem+json error mapping. */
package jp.budgetledger.app.web;
