package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;

/**
 * A command broke a rule of the ledger given its current state. {@link #concept()} names what the
 * rule is about in the ledger's terms (null when it is about the command as a whole); callers map
 * it to the place their user gave it, such as a request field.
 */
public abstract class LedgerRuleViolation extends RuntimeException {

    private final Concept concept;

    protected LedgerRuleViolation(Concept concept, String message) {
        super(message);
        this.concept = concept;
    }

    public Concept concept() {
        return concept;
    }

    /** A short, stable code of the rule, e.g. {@code negative-amount}. */
    public abstract String rule();

    /** True when the command conflicts with the line's state (HTTP 409) rather than being invalid for it (422). */
    public boolean isConflict() {
        return false;
    }
}
