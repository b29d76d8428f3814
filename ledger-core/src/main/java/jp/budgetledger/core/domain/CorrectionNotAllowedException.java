package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;

/** Only plain amendments can be corrected; other events are reversed by their own commands. */
public class CorrectionNotAllowedException extends LedgerRuleViolation {

    public CorrectionNotAllowedException(String reason) {
        super(Concept.CORRECTED_EVENT, reason);
    }

    @Override
    public String rule() {
        return "correction-not-allowed";
    }
}
