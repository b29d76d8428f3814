package jp.budgetledger.app.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerApplication;
import jp.budgetledger.app.TestUsers;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A data directory made by an earlier version (trusting local connections, everything owned by postgres) is locked down on start. */
class EmbeddedDatabaseUpgradeIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        List<String> arguments = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir, "--server.port=0", "--ledger.sample.load=false"));
        arguments.addAll(TestUsers.arguments());
        return new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    private static boolean refusedWithoutPassword(int port) {
        try {
            DriverManager.getConnection(EmbeddedDatabaseRoles.jdbcUrl(port), EmbeddedDatabaseRoles.SUPERUSER, null).close();
            return false;
        } catch (SQLException e) {
            return true;
        }
    }

    @Test
    void anEarlierTrustingDataDirectoryIsLockedDownAndKeepsItsHistory() throws Exception {
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres")).setCleanDataDirectory(false)
                .setLocaleConfig("encoding", "UTF8").setLocaleConfig("locale", "C").start()) {
            Flyway.configure().dataSource(earlier.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
        }
        assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).contains("trust");

        String id;
        String servicePassword;
        try (ConfigurableApplicationContext context = start()) {
            int port = context.getBean(EmbeddedPostgres.class).getPort();
            Awaitility.await("password-less connections refused").atMost(Duration.ofSeconds(10)).until(() -> refusedWithoutPassword(port));
            assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
            JdbcClient superuser = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(EmbeddedDatabaseRoles.jdbcUrl(port),
                    EmbeddedDatabaseRoles.SUPERUSER, DatabaseSecrets.of(dataDir).password(EmbeddedDatabaseRoles.SUPERUSER)));
            assertThat(superuser.sql("""
                            SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class
                            WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S', 'v', 'i')""").query(String.class).list())
                    .containsExactly(EmbeddedDatabaseRoles.OWNER);
            assertThat(superuser.sql("SELECT DISTINCT pg_get_userbyid(proowner) FROM pg_proc WHERE pronamespace = 'public'::regnamespace")
                    .query(String.class).list()).containsExactly(EmbeddedDatabaseRoles.OWNER);
            assertThat(HistoryGuard.problems(context.getBean(JdbcClient.class))).isEmpty();
            Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
            Api.Response added = api.post("/api/initiatives", line(2132, "1", "分類", "総務部", "移行後", 1000));
            assertThat(added.status()).isEqualTo(201);
            id = added.text("id");
            servicePassword = DatabaseSecrets.of(dataDir).password(EmbeddedDatabaseRoles.SERVICE);
        }

        try (ConfigurableApplicationContext context = start()) {
            assertThat(DatabaseSecrets.of(dataDir).password(EmbeddedDatabaseRoles.SERVICE)).isEqualTo(servicePassword);
            assertThat(context.getBean(JdbcClient.class).sql("SELECT count(*) FROM domainevententry WHERE aggregateIdentifier = ?")
                    .param(id).query(Long.class).single()).isEqualTo(1);
            int port = context.getBean(EmbeddedPostgres.class).getPort();
            assertThatThrownBy(() -> DriverManager.getConnection(EmbeddedDatabaseRoles.jdbcUrl(port), EmbeddedDatabaseRoles.SERVICE, "wrong").close())
                    .hasMessageContaining("password authentication failed");
        }
    }
}
