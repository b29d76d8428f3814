package jp.budgetledger.core.domain;

/** A revision or reassignment would leave the line as it is. */
public class NothingChangesException extends LedgerRuleViolation {

    public NothingChangesException(String field) {
        super(field, "the line already has this " + field);
    }

    @Override
    public String rule() {
        return "nothing-changes";
    }
}
