package jp.budgetledger.app.problem;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.SocketTimeoutException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    @Test
    void aConnectionThatCannotBeOpenedMeansUnavailable() {
        assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("no connection",
                new SQLException("Connection refused", "08001")))).isTrue();
    }

    @Test
    void aRollbackThatFailedOnAClosedConnectionAfterAFailedCommitMeansUnavailable() {
        assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void aCommitThatTimedOutOnTheSocketMeansUnavailable() {
        assertThat(DatabaseUnavailable.causedBy(new DataAccessResourceFailureException("JDBC commit",
                new SQLException("An I/O error occurred", "08006", new SocketTimeoutException("Read timed out"))))).isTrue();
    }

    @Test
    void aShutdownOrAStandbyStateMeansUnavailable() {
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("read-only transaction", "25006")))).isTrue();
    }

    @Test
    void aConstraintViolationOrAPlainErrorIsNotUnavailability() {
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
    }
}
