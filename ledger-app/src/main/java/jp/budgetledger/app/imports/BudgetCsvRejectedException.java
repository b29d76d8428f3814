package jp.budgetledger.app.imports;

/** A budget CSV could not be imported; the report says why, row by row. Nothing was recorded. */
public class BudgetCsvRejectedException extends RuntimeException {

    private final BudgetCsvReport report;

    public BudgetCsvRejectedException(BudgetCsvReport report) {
        super("the file was rejected with " + report.errors().size() + " error(s); nothing was recorded");
        this.report = report;
    }

    public BudgetCsvReport report() {
        return report;
    }
}
