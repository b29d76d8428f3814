package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.FiscalYear;

/** A change of a fiscal year that is closed (確定): nothing of it is recorded until it is reopened. */
public class FiscalYearClosedException extends LedgerRuleViolation {

    public static final String RULE = "fiscal-year-closed";

    private final FiscalYear fiscalYear;

    public FiscalYearClosedException(FiscalYear fiscalYear) {
        super(Concept.FISCAL_YEAR, "fiscal year " + fiscalYear.value() + " (" + fiscalYear.japaneseName()
                + ") is closed (確定); nothing of it can be recorded unless it is reopened");
        this.fiscalYear = fiscalYear;
    }

    public FiscalYear fiscalYear() {
        return fiscalYear;
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public boolean isConflict() {
        return true;
    }
}
