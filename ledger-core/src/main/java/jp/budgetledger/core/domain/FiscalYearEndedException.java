package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.FiscalYear;

import java.time.LocalDate;

/**
 * A change recorded for a fiscal year after the year ended (31 March of the following calendar year) that the law no
 * longer allows then: only carry-overs, corrections of records, late records of decisions taken within the year and
 * reports on 専決処分 are (see {@link YearEndRules}).
 */
public class FiscalYearEndedException extends LedgerRuleViolation {

    public static final String RULE = "fiscal-year-ended";

    private final FiscalYear fiscalYear;

    public FiscalYearEndedException(FiscalYear fiscalYear, LocalDate recordedOn, String what) {
        super(Concept.FISCAL_YEAR, "fiscal year " + fiscalYear.value() + " (" + fiscalYear.japaneseName() + ") ended on "
                + fiscalYear.lastDay() + "; " + what + " can no longer be recorded for it (recorded on " + recordedOn
                + "); after the year ends only carry-overs (繰越明許費, 事故繰越, 逓次繰越), corrections of records, records of "
                + "supplementary budgets decided by " + fiscalYear.lastDay() + ", reports on 専決処分 and imports of its printed "
                + "budget books are");
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
