package jp.budgetledger.app.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded database's roles and authentication: the superuser {@value #SUPERUSER}, the schema
 * owner {@value #OWNER} (migrations run as it) and the service's role {@value #SERVICE}, each with
 * its password from {@link DatabaseSecrets}; {@code pg_hba.conf} asks every connection for its
 * password (scram-sha-256) and has no {@code trust} line. A data directory made by an earlier
 * version (trusting every local connection, everything owned by the superuser) is brought to the
 * same state on its first start.
 */
public final class EmbeddedDatabaseRoles {

    /** The database superuser. */
    public static final String SUPERUSER = "postgres";
    /** Owner of the ledger's schema and of every object the migrations create. */
    public static final String OWNER = "ledger_owner";
    /** The role the service connects as. */
    public static final String SERVICE = "ledger_service";
    /** The database the ledger's tables are in. */
    public static final String DATABASE = "postgres";

    static final String PG_HBA = """
            # Budget Ledger: every connection gives its role's password (scram-sha-256), local ones too.
            # The passwords are in <ledger.data-dir>/secrets. This file is rewritten at every start.
            local   all             all                             scram-sha-256
            host    all             all             127.0.0.1/32    scram-sha-256
            host    all             all             ::1/128         scram-sha-256
            local   replication     all                             scram-sha-256
            host    replication     all             127.0.0.1/32    scram-sha-256
            host    replication     all             ::1/128         scram-sha-256
            """;

    private static final String REOWN = """
            DO $$
            DECLARE r record;
            BEGIN
                FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
                         WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = 'postgres'::regrole
                           AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                           AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
                LOOP
                    EXECUTE format('ALTER %s %s OWNER TO ledger_owner',
                        CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                       WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.name);
                END LOOP;
                FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                         WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = 'postgres'::regrole
                LOOP
                    EXECUTE format('ALTER ROUTINE %s OWNER TO ledger_owner', r.name);
                END LOOP;
            END
            $$""";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseRoles.class);

    private EmbeddedDatabaseRoles() {
    }

    /** The JDBC URL of the ledger's database on the embedded server listening on {@code port}. */
    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    /** A new connection to the ledger's database on {@code postgres} as its superuser. */
    public static Connection superuser(EmbeddedPostgres postgres, DatabaseSecrets secrets) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(postgres.getPort()), SUPERUSER, secrets.password(SUPERUSER));
    }

    /**
     * Gives each role its password and its rights, makes {@value #OWNER} the owner of the schema
     * and of what the superuser owned in it, and writes {@code pg_hba.conf} (reloading the server
     * when it changed).
     */
    static void lockDown(EmbeddedPostgres postgres, DatabaseSecrets secrets, Path directory) throws SQLException, IOException {
        try (Connection connection = superuser(postgres, secrets)) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            pg.alterUserPassword(SUPERUSER, secrets.password(SUPERUSER).toCharArray(), "scram-sha-256");
            for (String role : new String[] {OWNER, SERVICE}) {
                ensureLoginRole(connection, role);
                pg.alterUserPassword(role, secrets.password(role).toCharArray(), "scram-sha-256");
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER SCHEMA public OWNER TO " + OWNER);
                statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
                statement.execute(REOWN);
            }
            Path hba = directory.resolve("pg_hba.conf");
            if (!PG_HBA.equals(Files.exists(hba) ? Files.readString(hba, StandardCharsets.UTF_8) : "")) {
                Files.writeString(hba, PG_HBA, StandardCharsets.UTF_8);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_reload_conf()");
                }
                log.info("Database: {} now asks every connection for a password (scram-sha-256)", hba);
            }
        }
    }

    private static void ensureLoginRole(Connection connection, String role) throws SQLException {
        boolean exists;
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                exists = rows.next();
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
        }
    }
}
