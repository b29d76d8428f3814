package jp.budgetledger.app.security;

/**
 * The roles of the ledger. VIEWER reads totals, lists, reports and exports; OFFICER also sends
 * every command and import; AUDITOR also reads history and the audit log and runs replay,
 * digest and verify; ADMIN also runs operations. Each of the last three includes VIEWER.
 */
public enum Role {
    VIEWER, OFFICER, AUDITOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
