package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;

import java.time.LocalDate;

/** A change would take effect before the line itself does. */
public class EffectiveDateBeforeLineException extends LedgerRuleViolation {

    public EffectiveDateBeforeLineException(LocalDate date, LocalDate lineFrom) {
        super(Concept.EFFECTIVE_DATE, "effective date " + date + " is before the line takes effect (" + lineFrom + ")");
    }

    @Override
    public String rule() {
        return "effective-before-line";
    }
}
