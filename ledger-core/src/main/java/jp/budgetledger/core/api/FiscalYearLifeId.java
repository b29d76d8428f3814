package jp.budgetledger.core.api;

/** The identifier of a fiscal year's own life (its closes, seals and reopenings): {@code fiscal-year-2024}. */
public final class FiscalYearLifeId {

    private FiscalYearLifeId() {
    }

    public static String of(FiscalYear fiscalYear) {
        return "fiscal-year-" + fiscalYear.value();
    }
}
