package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;

/** An item of a supplementary budget is malformed (neither a change nor a new line, or repeated). */
public class InvalidItemException extends LedgerRuleViolation {

    public InvalidItemException(Concept concept, String message) {
        super(concept, message);
    }

    @Override
    public String rule() {
        return "invalid-item";
    }
}
