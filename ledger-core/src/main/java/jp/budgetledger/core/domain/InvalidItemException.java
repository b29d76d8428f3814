package jp.budgetledger.core.domain;

/** An item of a supplementary budget is malformed (neither a change nor a new line, or repeated). */
public class InvalidItemException extends LedgerRuleViolation {

    public InvalidItemException(String field, String message) {
        super(field, message);
    }

    @Override
    public String rule() {
        return "invalid-item";
    }
}
