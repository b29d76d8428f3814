package jp.budgetledger.app.reports;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every CSV export of the ledger writes into a cell, so that a spreadsheet opening it never
 * runs a cell as a formula (CSV injection): text starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return gets a leading {@code '}. Numbers stay numbers: a
 * {@link Number} value, and text that is a plain integer ({@code -250000}), are written as they are.
 */
public final class CsvCells {

    private static final Pattern PLAIN_INTEGER = Pattern.compile("-?[0-9]+");

    private CsvCells() {
    }

    /** The cell as it is safe to write: {@code null} and numbers unchanged, text neutralised when it could be a formula. */
    public static Object cell(Object value) {
        if (value == null || value instanceof Number) {
            return value;
        }
        return text(value.toString());
    }

    /** Text neutralised when a spreadsheet would read it as a formula ({@code null} stays {@code null}). */
    public static String text(String value) {
        if (value == null || value.isEmpty() || PLAIN_INTEGER.matcher(value).matches()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    /** A record's cells, each as {@link #cell(Object)} writes it. */
    public static List<Object> record(Object... values) {
        return Arrays.stream(values).map(CsvCells::cell).toList();
    }
}
