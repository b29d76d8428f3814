package jp.budgetledger.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/** With spring.datasource.url set, the ledger uses that server and starts no database of its own. */
class ExternalDatabaseIT {

    @TempDir
    Path dataDir;

    private static String[] arguments(EmbeddedPostgres external, String... arguments) {
        java.util.List<String> all = new java.util.ArrayList<>(ExternalDatabaseRoles.arguments(external));
        all.addAll(java.util.List.of(arguments));
        all.addAll(TestUsers.arguments());
        return all.toArray(String[]::new);
    }

    @Test
    void anExternalDatabaseWithoutConfiguredUsersRefusesToStart() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.start()) {
            java.util.List<String> arguments = new java.util.ArrayList<>(ExternalDatabaseRoles.arguments(external));
            arguments.addAll(java.util.List.of("--ledger.data-dir=" + dataDir, "--server.port=0", "--ledger.sample.load=false"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApplication.class)
                            .run(arguments.toArray(String[]::new)))
                    .hasStackTraceContaining("No users configured");
        }
    }

    @Test
    void aConfiguredDatasourceUrlIsUsedInsteadOfTheEmbeddedDatabase() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.start();
             ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class).run(arguments(external,
                     "--ledger.data-dir=" + dataDir, "--server.port=0", "--ledger.sample.load=false"))) {
            Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
            Api.Response added = api.post("/api/initiatives", line(2079, "1", "分類", "総務部", "外部DB", 1234));
            assertThat(added.status()).isEqualTo(201);

            long stored = JdbcClient.create(external.getPostgresDatabase())
                    .sql("SELECT count(*) FROM domainevententry WHERE aggregateIdentifier = ?")
                    .param(added.text("id")).query(Long.class).single();
            assertThat(stored).isEqualTo(1);
            assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
            assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theSampleIsNotLoadedIntoAnExternalDatabaseUnlessForced(CapturedOutput output) throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.start()) {
            JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class).run(arguments(
                    external, "--ledger.data-dir=" + dataDir, "--server.port=0"))) {
                assertThat(jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single()).isZero();
                assertThat(output.getOut()).contains("Not loading the bundled sample: the database is an external one",
                        "ledger.sample.load=force");
            }
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class).run(arguments(
                    external, "--ledger.data-dir=" + dataDir, "--server.port=0", "--ledger.sample.load=force"))) {
                assertThat(jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single()).isPositive();
            }
        }
    }
}
