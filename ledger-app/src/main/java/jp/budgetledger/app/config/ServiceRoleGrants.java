package jp.budgetledger.app.config;

import jp.budgetledger.app.eventstore.AppendOnlyTables;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * After every migration, run as the schema's owner, gives the service's role what it needs on
 * every table, sequence and function of the schema (new tables included), and on the
 * {@link AppendOnlyTables append-only tables} only SELECT and INSERT; the migration history it may
 * only read. Nodes that start together grant one after another. Nothing is granted when the service runs as the migrations' own role (the start-up
 * check then says why that is unsafe).
 */
@Component
class ServiceRoleGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(ServiceRoleGrants.class);

    /** The advisory lock key the nodes' grants take, one at a time. */
    static final long GRANTS_LOCK = 0x4c65646765724721L;

    private final DatabaseRoleProperties properties;
    private final ObjectProvider<DataSource> dataSource;

    ServiceRoleGrants(DatabaseRoleProperties properties, ObjectProvider<DataSource> dataSource) {
        this.properties = properties;
        this.dataSource = dataSource;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            Connection owner = context.getConnection();
            String migrator = single(owner, "SELECT current_user");
            String service = properties.serviceRole().isBlank() ? serviceUser() : properties.serviceRole().strip();
            if (service.equals(migrator)) {
                log.warn("Database: the service and the migrations both run as {}; no separate rights granted"
                        + " (set spring.flyway.user to the schema owner and spring.datasource.username to the service's role)", service);
                return;
            }
            serialised(owner, () -> grant(owner, quote(service), context.getConfiguration().getTable()));
            log.info("Database: granted the service's role {} its rights (append-only: {})", service, AppendOnlyTables.NAMES);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot grant the service's database role its rights: " + e.getMessage(), e);
        }
    }

    private interface Statements {
        void run() throws SQLException;
    }

    /**
     * Runs {@code statements} while no other node grants: Flyway runs this callback after it has let go of its own lock, and
     * PostgreSQL fails the second of two GRANTs on one object at once ("tuple concurrently updated"), so nodes started
     * together would otherwise fail to start. Inside a transaction the lock is held until it commits.
     */
    private static void serialised(Connection owner, Statements statements) throws SQLException {
        boolean inTransaction = !owner.getAutoCommit();
        try (Statement lock = owner.createStatement()) {
            lock.execute("SELECT pg_advisory" + (inTransaction ? "_xact" : "") + "_lock(" + GRANTS_LOCK + ")");
            try {
                statements.run();
            } finally {
                if (!inTransaction) {
                    lock.execute("SELECT pg_advisory_unlock(" + GRANTS_LOCK + ")");
                }
            }
        }
    }

    private String serviceUser() throws SQLException {
        try (Connection connection = dataSource.getObject().getConnection()) {
            return single(connection, "SELECT current_user");
        }
    }

    private static void grant(Connection owner, String role, String historyTable) throws SQLException {
        String schema = quote(single(owner, "SELECT current_schema()"));
        try (Statement statement = owner.createStatement()) {
            statement.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
            statement.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + role);
            statement.execute("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA " + schema + " TO " + role);
            for (String table : AppendOnlyTables.NAMES) {
                if (exists(owner, schema + "." + table)) {
                    statement.execute("REVOKE ALL ON " + schema + "." + table + " FROM " + role);
                    statement.execute("GRANT SELECT, INSERT ON " + schema + "." + table + " TO " + role);
                }
            }
            if (exists(owner, schema + "." + quote(historyTable))) {
                statement.execute("REVOKE ALL ON " + schema + "." + quote(historyTable) + " FROM " + role);
                statement.execute("GRANT SELECT ON " + schema + "." + quote(historyTable) + " TO " + role);
            }
        }
    }

    private static boolean exists(Connection connection, String qualifiedName) throws SQLException {
        try (var query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, qualifiedName);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String getCallbackName() {
        return "ledger-service-role-grants";
    }
}
