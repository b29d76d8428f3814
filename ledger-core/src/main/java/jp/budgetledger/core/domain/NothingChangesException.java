package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;

/** A revision or reassignment would leave the line as it is. */
public class NothingChangesException extends LedgerRuleViolation {

    public NothingChangesException(Concept concept) {
        super(concept, "the line already has this " + concept.words());
    }

    @Override
    public String rule() {
        return "nothing-changes";
    }
}
