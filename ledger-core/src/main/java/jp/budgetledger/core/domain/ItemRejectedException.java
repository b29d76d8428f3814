package jp.budgetledger.core.domain;

/** One item of a supplementary budget broke a rule; the whole budget is rejected. */
public class ItemRejectedException extends LedgerRuleViolation {

    private final int index;
    private final LedgerRuleViolation violation;

    public ItemRejectedException(int index, LedgerRuleViolation violation) {
        super(violation.concept(), "item " + index + ": " + violation.getMessage());
        this.index = index;
        this.violation = violation;
        initCause(violation);
    }

    /** The position of the item in the budget, from 0. */
    public int index() {
        return index;
    }

    /** The rule the item broke; its {@link #concept()} is about the item. */
    public LedgerRuleViolation violation() {
        return violation;
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
