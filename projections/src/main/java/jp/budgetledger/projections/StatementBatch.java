package jp.budgetledger.projections;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements a projection writes for the events of one processing batch, sent to PostgreSQL
 * when the batch commits ({@link ProcessingBatch}), in the order the events came, each statement
 * seeing the effects of those before it: consecutive statements with the same text as one JDBC
 * batch, consecutive rows of a set-based statement ({@link #addRow}) as one execution of it. A
 * few round trips per batch instead of one or more per event is most of what a read model costs
 * to keep.
 */
public final class StatementBatch {

    private final JdbcTemplate jdbc;
    private final ProcessingBatch<Statement> batch;

    /** {@code owner} names the batch within a unit of work: one batch per owner. */
    public StatementBatch(JdbcTemplate jdbc, Class<?> owner) {
        this.jdbc = jdbc;
        this.batch = new ProcessingBatch<>(owner, this::write);
    }

    private record Statement(String sql, Object[] arguments, boolean row) {
    }

    /** Runs {@code sql} with {@code arguments} when the current batch commits, after the statements added before it. */
    public void add(String sql, Object... arguments) {
        batch.add(new Statement(sql, arguments, false));
    }

    /**
     * Adds a row for {@code sql}, a set-based statement ({@link RowArrays}): consecutive rows for the
     * same statement are written by one execution of it, after the statements added before them.
     */
    public void addRow(String sql, Object... values) {
        batch.add(new Statement(sql, values, true));
    }

    /** Consecutive statements with the same text go in one JDBC batch, consecutive rows in one statement. */
    private void write(List<Statement> statements) {
        int from = 0;
        while (from < statements.size()) {
            Statement first = statements.get(from);
            int to = from + 1;
            while (to < statements.size() && statements.get(to).sql().equals(first.sql())
                    && statements.get(to).row() == first.row()) {
                to++;
            }
            List<Object[]> arguments = new ArrayList<>(to - from);
            for (Statement statement : statements.subList(from, to)) {
                arguments.add(statement.arguments());
            }
            if (first.row()) {
                RowArrays.update(jdbc, first.sql(), arguments);
            } else {
                jdbc.batchUpdate(first.sql(), arguments);
            }
            from = to;
        }
    }
}
