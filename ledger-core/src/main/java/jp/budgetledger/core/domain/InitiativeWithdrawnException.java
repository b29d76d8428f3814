package jp.budgetledger.core.domain;

/** A withdrawn line cannot change any more. */
public class InitiativeWithdrawnException extends LedgerRuleViolation {

    public InitiativeWithdrawnException(java.time.LocalDate on) {
        super(null, "the line was withdrawn on " + on + "; it can no longer change");
    }

    @Override
    public String rule() {
        return "line-withdrawn";
    }

    @Override
    public boolean isConflict() {
        return true;
    }
}
