package jp.budgetledger.core.domain;

/** An assembly report names a supplementary budget that was not decided by 専決処分. */
public class NotSenketsuException extends LedgerRuleViolation {

    public NotSenketsuException(String budget) {
        super(null, "supplementary budget " + budget + " was not decided by 専決処分; only a 専決処分 is reported to the assembly");
    }

    @Override
    public String rule() {
        return "not-senketsu";
    }

    @Override
    public boolean isConflict() {
        return true;
    }
}
