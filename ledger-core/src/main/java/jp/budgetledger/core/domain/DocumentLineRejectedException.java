package jp.budgetledger.core.domain;

/** A line of a document being imported broke a rule; the whole document is rejected. */
public class DocumentLineRejectedException extends LedgerRuleViolation {

    private final int row;
    private final LedgerRuleViolation cause;

    public DocumentLineRejectedException(int row, LedgerRuleViolation cause) {
        super(cause.concept(), "row " + row + ": " + cause.getMessage());
        this.row = row;
        this.cause = cause;
        initCause(cause);
    }

    public int row() {
        return row;
    }

    public LedgerRuleViolation violation() {
        return cause;
    }

    @Override
    public String rule() {
        return cause.rule();
    }
}
