package jp.budgetledger.app.imports;

import java.util.List;

/**
 * What a budget-CSV import did or would do: the file as read, the grand total and the totals per
 * 会計, side and 款 of its lines, the printed total it was checked against, how many lines were added
 * or were already present, and every error with its row (the file's line number) and column.
 * {@code recorded} is true only when the lines were committed to the ledger.
 *
 * @param fiscalYear       the fiscal year of the lines (null when the file did not say and none was given)
 * @param expectedTotalYen the printed total given with the import (null: not checked)
 */
public record BudgetCsvReport(
        Integer fiscalYear,
        boolean dryRun,
        CsvFile document,
        int linesParsed,
        long totalYen,
        Long expectedTotalYen,
        List<CsvAccountTotal> accounts,
        int added,
        int alreadyPresent,
        boolean recorded,
        String message,
        Long position,
        List<ImportReport.Error> errors) {

    /**
     * The file: its name as given, the character set and unit it was read in, its SHA-256, the document id it is recorded as,
     * and its layout: {@code rows} (one row per line with its whole path) or {@code outline} (the book's outline, one row per
     * 科目 with its subtotal, every subtotal checked).
     */
    public record CsvFile(String fileName, String charset, String unit, String sha256, String documentId, String layout) {
    }

    /** A 会計 and its sides. */
    public record CsvAccountTotal(String code, String name, long totalYen, int lineCount, List<CsvSideTotal> sides) {
    }

    /** One side (expenditure/revenue) of a 会計 and its 款. */
    public record CsvSideTotal(String side, long totalYen, int lineCount, List<CsvKanTotal> kan) {
    }

    /** One 款 of a side. */
    public record CsvKanTotal(String code, String name, long totalYen, int lineCount) {
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
