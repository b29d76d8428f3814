package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.InitiativeId;

/** The fiscal year already has a line of the same department and name. */
public class DuplicateInitiativeException extends LedgerRuleViolation {

    private final InitiativeId existingId;

    public DuplicateInitiativeException(InitiativeKey key, InitiativeId existingId) {
        super(Concept.NAME, "fiscal year " + key.fiscalYear().value() + " already has a line '" + key.name()
                + "' of " + key.department() + ": " + existingId);
        this.existingId = existingId;
    }

    public InitiativeId existingId() {
        return existingId;
    }

    @Override
    public String rule() {
        return "duplicate-initiative";
    }

    @Override
    public boolean isConflict() {
        return true;
    }
}
