package jp.budgetledger.app.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's unique violation (SQLState 23505) anywhere in an exception's causes,
 * including the chained exceptions of a failed JDBC batch, where Axon's default resolver does not
 * look. A second append of an aggregate's sequence number (another node, or a stale cached line,
 * got there first) then becomes Axon's {@code ConcurrencyException}, which the ledger retries on
 * fresh state, instead of an unexplained storage error.
 * <p>
 * Listed, with the Axon issue it covers, in the deployment guide's "Workarounds of Axon 4.13.0".
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
