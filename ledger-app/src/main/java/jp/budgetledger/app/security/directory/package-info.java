/**
 * Sign-in against the organisation's directory (LDAP or Active Directory, Spring Security's LDAP support): the
 * settings, the mapping of directory groups (and a department attribute) to the ledger's roles and departments, and the
 * check at start that the directory answers.
 */
package jp.budgetledger.app.security.directory;
