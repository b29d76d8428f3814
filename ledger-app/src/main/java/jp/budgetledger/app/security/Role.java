package jp.budgetledger.app.security;

/**
 * The roles of the ledger. VIEWER reads totals, lists, reports and exports; OFFICER also sends
 * every command and import; AUDITOR also reads history and the audit log and runs replay,
 * digest and verify; ADMIN also runs operations; APPROVER (財政課) also approves or rejects the
 * drafts of changes that need four-eyes approval, and sees every draft. Each of the last four includes VIEWER.
 */
public enum Role {
    VIEWER, OFFICER, AUDITOR, ADMIN, APPROVER;

    public String authority() {
        return "ROLE_" + name();
    }
}
