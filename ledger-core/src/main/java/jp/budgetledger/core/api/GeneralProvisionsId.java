package jp.budgetledger.core.api;

import java.util.Objects;

/** The identifier of a fiscal year's 予算総則 (its registered clauses and barred 節): {@code provisions-2024}. */
public final class GeneralProvisionsId {

    private GeneralProvisionsId() {
    }

    public static String of(FiscalYear fiscalYear) {
        return "provisions-" + fiscalYear.value();
    }

    /** What every command on a year's 予算総則 gives: the year, the 会計 (as {@code accountName}) and the change. */
    static void requireTarget(FiscalYear fiscalYear, SubjectLevel account, ChangeContext change) {
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(change, "change");
        if (account == null) {
            throw new InvalidValueException("accountName", "must be given (会計)");
        }
    }
}
