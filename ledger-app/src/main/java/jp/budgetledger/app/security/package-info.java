/**
 * Who may do what: users (from the organisation's directory, an OpenID Connect provider, the configuration, or demo
 * users on the embedded default), roles (VIEWER, OFFICER, AUDITOR, ADMIN, APPROVER), the rule of every endpoint,
 * department scoping of officers, and the lockout of repeated failed sign-ins. The actor recorded on every event is the
 * authenticated user.
 */
package jp.budgetledger.app.security;
