package jp.budgetledger.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.budgetledger.app.config.DatabaseSecrets;
import jp.budgetledger.app.config.EmbeddedDatabaseRoles;
import jp.budgetledger.app.config.LedgerProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a database superuser can do to a ledger's embedded database, for the tests that tamper
 * with the store as an intruder with the superuser's password would. The service's own role
 * cannot do any of it.
 */
public final class DatabaseSuperuser {

    private static final Map<ApplicationContext, JdbcClient> CLIENTS = new ConcurrentHashMap<>();

    private DatabaseSuperuser() {
    }

    /**
     * A JdbcClient connected as the superuser {@value EmbeddedDatabaseRoles#SUPERUSER} of
     * {@code context}'s embedded database, on one connection of its own (so a session setting such as
     * {@code session_replication_role} holds for the statements that follow it), kept while the
     * test JVM runs.
     */
    public static JdbcClient jdbc(ApplicationContext context) {
        return CLIENTS.computeIfAbsent(context, c -> {
            EmbeddedPostgres postgres = c.getBean(EmbeddedPostgres.class);
            DatabaseSecrets secrets = DatabaseSecrets.of(c.getBean(LedgerProperties.class).dataDir());
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(EmbeddedDatabaseRoles.jdbcUrl(postgres.getPort()),
                    EmbeddedDatabaseRoles.SUPERUSER, secrets.password(EmbeddedDatabaseRoles.SUPERUSER), true);
            return JdbcClient.create(dataSource);
        });
    }
}
