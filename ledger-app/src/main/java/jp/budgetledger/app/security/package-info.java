/**
 * Who may do what: users (from configuration, or demo users on the embedded default), roles
 * (VIEWER, OFFICER, AUDITOR, ADMIN), the rule of every endpoint, and department scoping of
 * officers. The actor recorded on every event is the authenticated user.
 */
package jp.budgetledger.app.security;
