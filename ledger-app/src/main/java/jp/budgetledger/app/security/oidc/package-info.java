/**
 * Sign-in through the organisation's OpenID Connect provider: the authorization-code login of the pages and bearer
 * JWTs on the API, the ledger user (roles, departments, display name) made from the token's claims.
 */
package jp.budgetledger.app.security.oidc;
