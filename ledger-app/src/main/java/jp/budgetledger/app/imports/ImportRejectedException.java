package jp.budgetledger.app.imports;

/** A document could not be imported; the report says why, row by row. Nothing was recorded. */
public class ImportRejectedException extends RuntimeException {

    private final ImportReport report;

    public ImportRejectedException(ImportReport report) {
        super("the document was rejected with " + report.errors().size() + " error(s); nothing was recorded");
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
