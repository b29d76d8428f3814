package jp.budgetledger.core.domain;

/** A change names a line of another fiscal year. */
public class FiscalYearMismatchException extends LedgerRuleViolation {

    public FiscalYearMismatchException(String field, jp.budgetledger.core.api.FiscalYear lineYear, jp.budgetledger.core.api.FiscalYear expected) {
        super(field, "the line belongs to fiscal year " + lineYear + ", not " + expected);
    }

    @Override
    public String rule() {
        return "fiscal-year-mismatch";
    }
}
