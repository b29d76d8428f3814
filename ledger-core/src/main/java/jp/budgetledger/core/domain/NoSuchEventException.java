package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;

/** The line has no event with that sequence number. */
public class NoSuchEventException extends LedgerRuleViolation {

    public NoSuchEventException(long sequence) {
        super(Concept.CORRECTED_EVENT, "this line has no event " + sequence);
    }

    @Override
    public String rule() {
        return "no-such-event";
    }
}
