package jp.budgetledger.app.problem;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells whether a failure means that the database could not be reached or could not take the
 * request now (down, restarting, failing over, stalled past a time-out, out of disk or connections)
 * rather than that the request was wrong. Such a request changed nothing that was acknowledged and
 * may be retried: the service answers 503 with {@code Retry-After}. A commit or rollback that failed
 * on the connection ({@link TransactionSystemException}) counts too: whether the commit took effect
 * is unknown, and a retry with the same {@code Idempotency-Key} settles it.
 */
public final class DatabaseUnavailable {

    /** PostgreSQL SQLSTATEs of an unreachable or unavailable server (class 08 is matched by prefix). */
    private static final Set<String> STATES = Set.of(
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now (starting up, in recovery)
            "57014", // query_canceled (statement time-out)
            "53100", // disk_full
            "53200", // out_of_memory
            "53300", // too_many_connections
            "25006"); // read_only_sql_transaction (a standby or a demoted primary)

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure} or any of its causes says the database is unavailable. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransactionSystemException || t instanceof QueryTimeoutException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (t instanceof SQLException && "Connection is closed".equals(t.getMessage())) {
                return true;
            }
            if (t.getClass().getName().equals("org.postgresql.util.PSQLException") && t.getMessage() != null
                    && t.getMessage().contains("An I/O error occurred")) {
                return true;
            }
        }
        return false;
    }
}
