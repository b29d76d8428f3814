package jp.budgetledger.core.domain;

import java.time.LocalDate;

/** A 専決処分 whose 承認 or 不承認 is already recorded is reported again. */
public class AssemblyAlreadyReportedException extends LedgerRuleViolation {

    public AssemblyAlreadyReportedException(String budget, String outcome, LocalDate on) {
        super(null, "supplementary budget " + budget + " was already reported to the assembly: " + outcome + " on " + on);
    }

    @Override
    public String rule() {
        return "assembly-already-reported";
    }

    @Override
    public boolean isConflict() {
        return true;
    }
}
