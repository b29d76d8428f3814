package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;

/** An event is corrected at most once. */
public class AlreadyCorrectedException extends LedgerRuleViolation {

    public AlreadyCorrectedException(long sequence) {
        super(Concept.CORRECTED_EVENT, "event " + sequence + " of this line has already been corrected");
    }

    @Override
    public String rule() {
        return "already-corrected";
    }

    @Override
    public boolean isConflict() {
        return true;
    }
}
