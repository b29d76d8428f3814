package jp.budgetledger.core.api;

/** The identifier of a fiscal year's 予算総則 (its registered clauses and barred 節): {@code provisions-2024}. */
public final class GeneralProvisionsId {

    private GeneralProvisionsId() {
    }

    public static String of(FiscalYear fiscalYear) {
        return "provisions-" + fiscalYear.value();
    }
}
