package jp.budgetledger.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While its database is down the ledger answers every request within a few seconds with 503
 * problem+json and {@code Retry-After}, records nothing, and carries on by itself, processors
 * included, once the database is back. Fiscal year 2220.
 */
class DatabaseOutageIT {

    private static final int YEAR = 2220;

    @TempDir
    Path dataDir;

    @TempDir
    Path databaseDir;

    @Test
    void whileTheDatabaseIsDownRequestsGet503QuicklyAndNothingIsRecordedThenTheServiceRecoversByItself() throws Exception {
        int port = freePort();
        EmbeddedPostgres database = start(port);
        List<String> arguments = new ArrayList<>(ExternalDatabaseRoles.arguments(database));
        arguments.addAll(List.of("--ledger.data-dir=" + dataDir, "--server.port=0", "--ledger.sample.load=false"));
        arguments.addAll(TestUsers.arguments());
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .run(arguments.toArray(String[]::new))) {
            Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
            assertThat(api.post("/api/initiatives", line(YEAR, "1", "分類", "総務部", "停止前", 1000)).status()).isEqualTo(201);

            database.close();

            long started = System.nanoTime();
            Api.Response write = api.post("/api/initiatives", line(YEAR, "1", "分類", "総務部", "停止中", 2000));
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertUnavailable(write);
            assertThat(waited).isLessThan(Duration.ofSeconds(15));
            assertUnavailable(api.get("/api/initiatives?fiscalYear=" + YEAR));

            database = start(port);
            await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/initiatives?fiscalYear=" + YEAR).status() == 200);
            assertThat(api.post("/api/initiatives", line(YEAR, "1", "分類", "総務部", "再開後", 3000)).status()).isEqualTo(201);

            List<String> stored = JdbcClient.create(database.getPostgresDatabase())
                    .sql("SELECT payloadType FROM domainevententry WHERE payloadType LIKE '%InitiativeAdded'").query(String.class).list();
            assertThat(stored).hasSize(2);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                    api.get("/api/initiatives?fiscalYear=" + YEAR).raw()).contains("停止前", "再開後").doesNotContain("停止中"));
        } finally {
            database.close();
        }
    }

    private static void assertUnavailable(Api.Response response) {
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.text("type")).endsWith("/database-unavailable");
    }

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(databaseDir).setCleanDataDirectory(false).setPort(port).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
