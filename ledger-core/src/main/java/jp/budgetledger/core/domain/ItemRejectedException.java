package jp.budgetledger.core.domain;

/** One item of a supplementary budget broke a rule; the whole budget is rejected. */
public class ItemRejectedException extends LedgerRuleViolation {

    private final LedgerRuleViolation violation;

    public ItemRejectedException(int index, LedgerRuleViolation violation) {
        super("items[" + index + "]" + (violation.field() == null ? "" : "." + violation.field()),
                "item " + index + ": " + violation.getMessage());
        this.violation = violation;
        initCause(violation);
    }

    @Override
    public String rule() {
        return violation.rule();
    }

    @Override
    public boolean isConflict() {
        return violation.isConflict();
    }
}
