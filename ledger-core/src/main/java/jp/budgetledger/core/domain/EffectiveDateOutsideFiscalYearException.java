package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.FiscalYear;

import java.time.LocalDate;

/** A change would take effect outside the fiscal year of its line. */
public class EffectiveDateOutsideFiscalYearException extends LedgerRuleViolation {

    public EffectiveDateOutsideFiscalYearException(LocalDate date, FiscalYear fiscalYear) {
        super(Concept.EFFECTIVE_DATE, "effective date " + date + " is outside fiscal year " + fiscalYear.value()
                + " (" + fiscalYear.firstDay() + " to " + fiscalYear.lastDay() + ")");
    }

    @Override
    public String rule() {
        return "effective-date-outside-fiscal-year";
    }
}
