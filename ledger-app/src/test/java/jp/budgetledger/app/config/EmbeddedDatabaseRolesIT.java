package jp.budgetledger.app.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.budgetledger.app.DatabaseSuperuser;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.eventstore.AppendOnlyTables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded default's roles: the service's role cannot alter history, and nobody gets in without a password. */
class EmbeddedDatabaseRolesIT extends LedgerIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    LedgerProperties properties;
    @Autowired
    JdbcClient jdbc;

    private DatabaseSecrets secrets() {
        return DatabaseSecrets.of(properties.dataDir());
    }

    private Connection asService() throws SQLException {
        return DriverManager.getConnection(EmbeddedDatabaseRoles.jdbcUrl(postgres.getPort()), EmbeddedDatabaseRoles.SERVICE,
                secrets().password(EmbeddedDatabaseRoles.SERVICE));
    }

    private List<String> appendOnlyTablesPresent() {
        return AppendOnlyTables.NAMES.stream()
                .filter(table -> jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(table).query(Boolean.class).single())
                .toList();
    }

    private static void assertRefused(Connection service, String sql) {
        assertThatThrownBy(() -> {
            try (Statement statement = service.createStatement()) {
                statement.execute(sql);
            }
        }).as(sql).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).as(sql + ": " + e.getMessage()).isEqualTo("42501");
            assertThat(e.getMessage()).as(sql).containsAnyOf("permission denied", "must be owner");
        });
    }

    @Test
    void theServiceRunsAsItsOwnRoleAndTheMigrationsAsTheOwner() {
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo(EmbeddedDatabaseRoles.SERVICE);
        assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class).single()).isFalse();
        List<String> owners = DatabaseSuperuser.jdbc(context).sql("""
                        SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class
                        WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S', 'v', 'i')""")
                .query(String.class).list();
        assertThat(owners).containsExactly(EmbeddedDatabaseRoles.OWNER);
        assertThat(HistoryGuard.problems(jdbc)).isEmpty();
    }

    @Test
    void theServicesRoleCannotChangeRemoveOrUnprotectHistory() throws SQLException {
        List<String> tables = appendOnlyTablesPresent();
        assertThat(tables).contains("domainevententry");
        try (Connection service = asService()) {
            for (String table : tables) {
                assertRefused(service, "UPDATE " + table + " SET " + firstColumn(table) + " = " + firstColumn(table));
                assertRefused(service, "DELETE FROM " + table);
                assertRefused(service, "TRUNCATE " + table);
                assertRefused(service, "ALTER TABLE " + table + " DISABLE TRIGGER ALL");
                assertRefused(service, "ALTER TABLE " + table + " OWNER TO " + EmbeddedDatabaseRoles.SERVICE);
            }
            assertRefused(service, "DROP TRIGGER domainevententry_append_only ON domainevententry");
            assertRefused(service, "CREATE TABLE intruder (id int)");
            try (Statement statement = service.createStatement()) {
                statement.execute("GRANT UPDATE, DELETE, TRUNCATE, TRIGGER ON domainevententry TO " + EmbeddedDatabaseRoles.SERVICE);
                SQLException warning = statement.getWarnings();
                assertThat((Object) warning).as("the grant to itself").isNotNull();
                assertThat(warning.getMessage()).contains("no privileges were granted");
            }
            for (String privilege : List.of("UPDATE", "DELETE", "TRUNCATE", "TRIGGER", "REFERENCES")) {
                assertThat(jdbc.sql("SELECT has_table_privilege(current_user, 'domainevententry', ?)").param(privilege)
                        .query(Boolean.class).single()).as(privilege).isFalse();
            }
            assertRefused(service, "UPDATE domainevententry SET payload = payload");
        }
    }

    private String firstColumn(String table) {
        return jdbc.sql("SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(?) AND attnum = 1").param(table)
                .query(String.class).single();
    }

    @Test
    void aConnectionWithoutTheRightPasswordIsRefused() {
        String url = EmbeddedDatabaseRoles.jdbcUrl(postgres.getPort());
        for (String role : List.of(EmbeddedDatabaseRoles.SUPERUSER, EmbeddedDatabaseRoles.OWNER, EmbeddedDatabaseRoles.SERVICE)) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, role, null).close()).as(role + " without a password")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, role, "wrong").close()).as(role + " with a wrong password")
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("password authentication failed"));
        }
    }

    @Test
    void passwordsAreInOwnerOnlyFilesAndNothingIsTrusted() throws Exception {
        Path directory = properties.dataDir().resolve("secrets");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        for (String role : List.of(EmbeddedDatabaseRoles.SUPERUSER, EmbeddedDatabaseRoles.OWNER, EmbeddedDatabaseRoles.SERVICE)) {
            Path file = directory.resolve(role + ".password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo("rw-------");
            assertThat(Files.readString(file).strip()).hasSizeGreaterThanOrEqualTo(32);
        }
        try (Stream<String> lines = Files.lines(properties.dataDir().resolve("postgres").resolve("pg_hba.conf"))) {
            List<String> rules = lines.map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
        }
        JdbcClient superuser = DatabaseSuperuser.jdbc(context);
        assertThat(superuser.sql("SHOW listen_addresses").query(String.class).single()).isEqualTo("localhost");
        assertThat(superuser.sql("SHOW unix_socket_directories").query(String.class).single()).isEmpty();
        assertThat(superuser.sql("SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256'").query(Long.class).single())
                .isZero();
    }
}
