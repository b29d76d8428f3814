package jp.budgetledger.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While its database is down the ledger answers every request within a few seconds with 503
 * problem+json and {@code Retry-After}, records nothing, and carries on by itself, processors
 * included, once the database is back; under load, through a restart and a 30 s freeze (SIGSTOP)
 * of the database, no acknowledged line is lost or stored twice and no answer takes 15 s.
 * Fiscal year 2220 (each test has its own database).
 */
@Tag("faults")
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
        try (ConfigurableApplicationContext context = ExternalDatabaseRoles.startLedger(database, dataDir)) {
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

    @Test
    void underLoadARestartAndA30SecondFreezeOfTheDatabaseLoseNoAcknowledgedLineAndFailFastWith503() throws Exception {
        int port = freePort();
        EmbeddedPostgres database = start(port);
        try (ConfigurableApplicationContext context = ExternalDatabaseRoles.startLedger(database, dataDir)) {
            Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
            WriteLoad load = new WriteLoad(List.of(api), 8, YEAR, "負荷");
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged() >= 50);

            database.close();
            await().atMost(Duration.ofSeconds(30)).until(() -> load.answered(503) >= 8);
            database = start(port);
            awaitMoreAcknowledged(load, 50);

            List<Long> frozen = PostgresProcesses.of(databaseDir);
            PostgresProcesses.signal("STOP", frozen);
            long frozenAt = System.nanoTime();
            long unavailableBefore = load.answered(503);
            await().atMost(Duration.ofSeconds(30)).until(() -> load.answered(503) >= unavailableBefore + 8);
            Duration firstAnswers = Duration.ofNanos(System.nanoTime() - frozenAt);
            int whileFrozen = load.acknowledged();
            Duration rest = Duration.ofSeconds(30).minus(firstAnswers);
            await("no line is acknowledged while the database is frozen").during(rest).atMost(rest.plusSeconds(5))
                    .until(() -> load.acknowledged() == whileFrozen);
            PostgresProcesses.signal("CONT", frozen);
            awaitMoreAcknowledged(load, 50);

            Set<String> acknowledged = load.stop();
            List<WriteLoad.Answer> unavailable = load.answers().stream().filter(a -> a.status() == 503).toList();
            assertThat(unavailable).allSatisfy(a -> assertThat(a.problemType()).endsWith("/database-unavailable"))
                    .allSatisfy(a -> assertThat(a.retryAfter()).isTrue());
            assertThat(load.slowest()).as("the slowest answer, through a restart and a 30 s freeze").isLessThan(Duration.ofSeconds(15));
            load.assertEachAcknowledgedLineStoredOnce(JdbcClient.create(database.getPostgresDatabase()), acknowledged);
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(api.get("/api/initiatives?fiscalYear=" + YEAR).body()
                    .findValuesAsText("name").stream().filter(name -> name.startsWith("負荷-")).count()).isEqualTo(acknowledged.size()));
            Api.Response verify = api.post("/api/audit/verify", "{}");
            assertThat(verify.body().get("verified").asBoolean()).as(verify.raw()).isTrue();
            System.out.printf("DatabaseOutageIT: %d lines acknowledged, %d answers 503, slowest answer %d ms, first 8 answers 503 %d ms after the freeze%n",
                    acknowledged.size(), unavailable.size(), load.slowest().toMillis(), firstAnswers.toMillis());
        } finally {
            database.close();
        }
    }

    private static void awaitMoreAcknowledged(WriteLoad load, int more) {
        int before = load.acknowledged();
        await().atMost(Duration.ofSeconds(90)).until(() -> load.acknowledged() >= before + more);
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
