package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;

/** A change names a line of another fiscal year. */
public class FiscalYearMismatchException extends LedgerRuleViolation {

    public FiscalYearMismatchException(Concept line, jp.budgetledger.core.api.FiscalYear lineYear, jp.budgetledger.core.api.FiscalYear expected) {
        super(line, "the line belongs to fiscal year " + lineYear + ", not " + expected);
    }

    @Override
    public String rule() {
        return "fiscal-year-mismatch";
    }
}
