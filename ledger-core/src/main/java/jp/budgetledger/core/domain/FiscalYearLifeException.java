package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.FiscalYear;

import java.time.LocalDate;

/** A close or a reopening that the fiscal year's state or calendar does not allow; {@link #rule()} names which. */
public class FiscalYearLifeException extends NamedRuleViolation {

    public static final String ALREADY_CLOSED = "fiscal-year-already-closed";
    public static final String NOT_SETTLED = "fiscal-year-not-settled";
    public static final String NOT_CLOSED = "fiscal-year-not-closed";
    public static final String REOPENING_NOT_APPROVED = "fiscal-year-reopening-not-approved";

    private FiscalYearLifeException(String rule, Concept concept, String message) {
        super(rule, concept, message);
    }

    static FiscalYearLifeException alreadyClosed(FiscalYear year) {
        return new FiscalYearLifeException(ALREADY_CLOSED, Concept.FISCAL_YEAR, "fiscal year " + year + " (" + year.japaneseName()
                + ") is closed (確定) already");
    }

    static FiscalYearLifeException notSettled(FiscalYear year, LocalDate settlementEnd) {
        return new FiscalYearLifeException(NOT_SETTLED, Concept.SETTLEMENT, "the 出納整理期間 of fiscal year " + year + " ("
                + year.japaneseName() + ") lasts until " + settlementEnd + "; it can be closed before then only with force and a reason");
    }

    static FiscalYearLifeException notClosed(FiscalYear year) {
        return new FiscalYearLifeException(NOT_CLOSED, Concept.FISCAL_YEAR, "fiscal year " + year + " (" + year.japaneseName()
                + ") is not closed");
    }

    static FiscalYearLifeException notApproved(FiscalYear year) {
        return new FiscalYearLifeException(REOPENING_NOT_APPROVED, null, "the reopening of fiscal year " + year
                + " takes effect only once another user approved its draft");
    }

    @Override
    public boolean isConflict() {
        return !REOPENING_NOT_APPROVED.equals(rule());
    }
}
