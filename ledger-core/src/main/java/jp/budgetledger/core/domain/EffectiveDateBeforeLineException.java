package jp.budgetledger.core.domain;

import java.time.LocalDate;

/** A change would take effect before the line itself does. */
public class EffectiveDateBeforeLineException extends LedgerRuleViolation {

    public EffectiveDateBeforeLineException(LocalDate date, LocalDate lineFrom) {
        super("effectiveDate", "effective date " + date + " is before the line takes effect (" + lineFrom + ")");
    }

    @Override
    public String rule() {
        return "effective-before-line";
    }
}
