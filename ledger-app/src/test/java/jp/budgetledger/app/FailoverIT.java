package jp.budgetledger.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A primary and a synchronous standby (streaming replication, {@code synchronous_standby_names}),
 * the service on a multi-host URL with {@code targetServerType=primary}: under a write load of 8
 * clients the primary is killed (SIGKILL of every process of it) and the standby promoted, its
 * {@code synchronous_standby_names} cleared as a cluster manager does. The service carries on by
 * itself; every acknowledged line is in the promoted database exactly once; every request during
 * the switch is answered 201 or 503 problem+json with {@code Retry-After}; the read models and
 * their tokens carry on there; verification is clean. Fiscal year 2261.
 */
@Tag("faults")
class FailoverIT {

    private static final int YEAR = 2261;
    private static final String STANDBY_NAME = "ledger_standby";

    @TempDir
    Path dataDir;

    @TempDir
    Path databases;

    @Test
    void whenThePrimaryIsKilledUnderLoadAndTheStandbyPromotedTheServiceCarriesOnAndLosesNoAcknowledgedLine() throws Exception {
        Path primaryDir = databases.resolve("primary");
        Path standbyDir = databases.resolve("standby");
        int primaryPort = freePort();
        int standbyPort = freePort();

        EmbeddedPostgres primary = start(primaryDir, primaryPort);
        ExternalDatabaseRoles.create(primary);
        JdbcClient setup = JdbcClient.create(primary.getPostgresDatabase());
        setup.sql("ALTER SYSTEM SET wal_level = 'replica'").update();
        setup.sql("ALTER SYSTEM SET wal_keep_size = '256MB'").update();
        setup.sql("ALTER SYSTEM SET synchronous_standby_names = '" + STANDBY_NAME + "'").update();
        primary.close();
        assertThat(new ProcessBuilder("cp", "-a", primaryDir.toString(), standbyDir.toString()).inheritIO().start().waitFor()).isZero();
        Files.createFile(standbyDir.resolve("standby.signal"));
        Files.writeString(standbyDir.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=localhost port=%d user=postgres application_name=%s'%n"
                .formatted(primaryPort, STANDBY_NAME), StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        primary = start(primaryDir, primaryPort);
        EmbeddedPostgres standby = start(standbyDir, standbyPort);
        JdbcClient primarySql = JdbcClient.create(primary.getPostgresDatabase());
        await("the standby streams synchronously").atMost(Duration.ofSeconds(60)).until(() -> primarySql
                .sql("SELECT count(*) FROM pg_stat_replication WHERE application_name = ? AND sync_state = 'sync'")
                .param(STANDBY_NAME).query(Long.class).single() == 1);

        String url = "jdbc:postgresql://localhost:%d,localhost:%d/postgres?targetServerType=primary".formatted(primaryPort, standbyPort);
        List<String> arguments = new ArrayList<>(ExternalDatabaseRoles.arguments(url));
        arguments.addAll(List.of("--ledger.data-dir=" + dataDir, "--server.port=0", "--ledger.sample.load=false"));
        arguments.addAll(TestUsers.arguments());
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .run(arguments.toArray(String[]::new))) {
            Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
            WriteLoad load = new WriteLoad(List.of(api), 8, YEAR, "切替");
            awaitMoreAcknowledged(load, 100);

            PostgresProcesses.signal("KILL", PostgresProcesses.of(primaryDir));
            long killedAt = System.nanoTime();
            await("requests are answered 503 while there is no primary").atMost(Duration.ofSeconds(30)).until(() -> load.answered(503) >= 8);

            JdbcClient promoted = JdbcClient.create(standby.getPostgresDatabase());
            assertThat(promoted.sql("SELECT pg_promote(true, 60)").query(Boolean.class).single()).isTrue();
            promoted.sql("ALTER SYSTEM SET synchronous_standby_names = ''").update();
            promoted.sql("SELECT pg_reload_conf()").query(Boolean.class).single();
            long promotedAt = System.nanoTime();
            int beforePromotion = load.acknowledged();
            await("the service writes to the promoted database by itself").atMost(Duration.ofSeconds(60))
                    .until(() -> load.acknowledged() > beforePromotion);
            long backAt = System.nanoTime();
            awaitMoreAcknowledged(load, 100);

            Set<String> acknowledged = load.stop();
            List<WriteLoad.Answer> unavailable = load.answers().stream().filter(a -> a.status() == 503).toList();
            assertThat(unavailable).allSatisfy(a -> assertThat(a.problemType()).endsWith("/database-unavailable"))
                    .allSatisfy(a -> assertThat(a.retryAfter()).isTrue());
            assertThat(load.slowest()).as("the slowest answer through the failover").isLessThan(Duration.ofSeconds(15));
            load.assertEachAcknowledgedLineStoredOnce(promoted, acknowledged);
            assertThat(promoted.sql("SELECT count(*) FROM (SELECT aggregateIdentifier, sequenceNumber FROM domainevententry "
                    + "GROUP BY 1, 2 HAVING count(*) > 1) duplicated").query(Long.class).single()).as("duplicate events").isZero();

            long head = promoted.sql("SELECT max(globalIndex) FROM domainevententry").query(Long.class).single();
            await("the read models carry on from their tokens in the promoted database").atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                    assertThat(api.get("/api/initiatives?fiscalYear=" + YEAR + "&minPosition=" + head).body().findValuesAsText("name")
                            .stream().filter(name -> name.startsWith("切替-")).count()).isEqualTo(acknowledged.size()));
            Api.Response replay = api.post("/api/audit/replays", "{\"fiscalYear\": " + YEAR + "}");
            assertThat(replay.body().get("matches").asBoolean()).as(replay.raw()).isTrue();
            assertThat(api.get("/api/totals?fiscalYear=" + YEAR + "&minPosition=" + head).number("totalYen"))
                    .isEqualTo(replay.body().at("/replay/totalYen").asLong());
            Api.Response verify = api.post("/api/audit/verify", "{}");
            assertThat(verify.body().get("verified").asBoolean()).as(verify.raw()).isTrue();
            System.out.printf("FailoverIT: %d lines acknowledged, %d answers 503, slowest answer %d ms, first write on the promoted "
                            + "database %d ms after promotion (%d ms after the kill)%n", acknowledged.size(), unavailable.size(),
                    load.slowest().toMillis(), Duration.ofNanos(backAt - promotedAt).toMillis(), Duration.ofNanos(backAt - killedAt).toMillis());
        } finally {
            standby.close();
            closeKilled(primary);
        }
    }

    private static void awaitMoreAcknowledged(WriteLoad load, int more) {
        int before = load.acknowledged();
        await().atMost(Duration.ofSeconds(90)).until(() -> load.acknowledged() >= before + more);
    }

    private static void closeKilled(EmbeddedPostgres killed) {
        try {
            killed.close();
        } catch (IOException | RuntimeException alreadyGone) {
            // its processes were killed; nothing is left to stop
        }
    }

    private static EmbeddedPostgres start(Path directory, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
