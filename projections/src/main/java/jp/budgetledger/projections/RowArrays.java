package jp.budgetledger.projections;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Rows written by one set-based statement instead of one statement each: the statement takes one
 * array per column and reads the rows with {@code unnest(?::bigint[], ?::text[], ...)}. Each value
 * is sent as text ({@code null} stays null) and cast by the statement, so a column may hold
 * numbers, booleans, dates or ISO timestamps. The rows of one statement do not see each other's
 * effects: the statement must give what the rows one by one would.
 */
public final class RowArrays {

    private RowArrays() {
    }

    /** Runs {@code sql} once with the columns of {@code rows}; nothing when there are no rows. */
    public static int update(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbc.update(sql, columns(rows));
    }

    /** The columns of {@code rows} (all of the same width) as text arrays, one per column. */
    private static Object[] columns(List<Object[]> rows) {
        int width = rows.get(0).length;
        String[][] columns = new String[width][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            if (row.length != width) {
                throw new IllegalArgumentException("row " + r + " has " + row.length + " values, not " + width);
            }
            for (int c = 0; c < width; c++) {
                columns[c][r] = row[c] == null ? null : row[c].toString();
            }
        }
        return columns;
    }
}
