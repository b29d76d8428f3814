package jp.budgetledger.core.domain;

/**
 * A command broke a rule of the ledger given its current state. {@link #field()} names the
 * request field the rule is about (null when it is about the request as a whole).
 */
public abstract class LedgerRuleViolation extends RuntimeException {

    private final String field;

    protected LedgerRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** A short, stable code of the rule, e.g. {@code negative-amount}. */
    public abstract String rule();

    /** True when the command conflicts with the line's state (HTTP 409) rather than being invalid for it (422). */
    public boolean isConflict() {
        return false;
    }
}
