package jp.budgetledger.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * When the file system holding the database fills up, writes are refused with 503 problem+json
 * ({@code /database-unavailable}, {@code Retry-After}) and leave no trace, reads answer 200 or 503,
 * nothing answers 500 (a write that fits in pages PostgreSQL already holds may still succeed), and once space returns the
 * service recovers by itself: writes succeed again, acknowledged lines are stored exactly once, the
 * read model catches up and the audit chain verifies. The database lives on a small tmpfs mounted
 * for the test (needs CAP_SYS_ADMIN). Fiscal year 2262.
 */
@Tag("faults")
class DiskFullIT {

    private static final int YEAR = 2262;

    @TempDir
    Path dataDir;

    @TempDir
    Path volume;

    @Test
    void whenTheDatabaseDiskIsFullWritesGet503AndLeaveNoTraceThenTheServiceRecoversByItselfWhenSpaceReturns() throws Exception {
        mount(volume, 160);
        Path filler = volume.resolve("filler");
        EmbeddedPostgres database = null;
        try {
            database = EmbeddedPostgres.builder().setDataDirectory(volume.resolve("pg")).setCleanDataDirectory(false)
                    .setPort(freePort()).start();
            JdbcClient store = JdbcClient.create(database.getPostgresDatabase());
            try (ConfigurableApplicationContext context = ExternalDatabaseRoles.startLedger(database, dataDir)) {
                Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
                assertThat(api.post("/api/initiatives", line(YEAR, "1", "分類", "総務部", "満杯前", 1000)).status()).isEqualTo(201);
                WriteLoad load = new WriteLoad(List.of(api), 8, YEAR, "負荷");
                await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledged() >= 30);

                long fillerBytes = fill(filler);
                long fullAt = System.nanoTime();
                await().atMost(Duration.ofSeconds(30)).until(() -> load.answered(503) >= 8);
                Duration firstRefusals = Duration.ofNanos(System.nanoTime() - fullAt);
                int whileFull = load.acknowledged();
                long refusedBefore = load.answered(503);

                List<String> refusedSingles = new ArrayList<>();
                List<String> acceptedSingles = new ArrayList<>();
                for (int i = 0; i < 20 && refusedSingles.isEmpty(); i++) {
                    String name = "満杯中-" + i;
                    Api.Response single = api.post("/api/initiatives", line(YEAR, "1", "分類", "総務部", name, 2000));
                    if (single.status() == 201) {
                        acceptedSingles.add(name);
                    } else {
                        assertUnavailable(single);
                        refusedSingles.add(name);
                    }
                }
                assertThat(refusedSingles).as("a single write refused while the disk is full").isNotEmpty();
                Api.Response read = api.get("/api/initiatives?fiscalYear=" + YEAR);
                assertThat(read.status()).as(read.raw()).isIn(200, 503);
                await("writes keep being refused while the disk is full").atMost(Duration.ofSeconds(30)).until(() -> load.answered(503) >= refusedBefore + 40);
                long refusedWhileFull = load.answered(503) - refusedBefore;
                int acknowledgedWhileFull = load.acknowledged() - whileFull;

                Files.delete(filler);
                long freedAt = System.nanoTime();
                await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledged() > whileFull + acknowledgedWhileFull);
                Duration recovery = Duration.ofNanos(System.nanoTime() - freedAt);
                await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledged() >= whileFull + acknowledgedWhileFull + 30);
                Api.Response after = api.post("/api/initiatives", line(YEAR, "1", "分類", "総務部", "満杯後", 3000));
                assertThat(after.status()).as(after.raw()).isEqualTo(201);

                Set<String> acknowledged = load.stop();
                List<WriteLoad.Answer> unavailable = load.answers().stream().filter(a -> a.status() == 503).toList();
                assertThat(load.answers()).noneMatch(a -> a.status() == 500);
                assertThat(unavailable).allSatisfy(a -> assertThat(a.problemType()).endsWith("/database-unavailable"))
                        .allSatisfy(a -> assertThat(a.retryAfter()).isTrue());
                load.assertEachAcknowledgedLineStoredOnce(store, acknowledged);
                for (String name : refusedSingles) {
                    assertThat(store.sql("SELECT count(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') LIKE ?")
                            .param("%\"" + name + "\"%").query(Long.class).single()).as(name).isZero();
                }
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    Api.Response lines = api.get("/api/initiatives?fiscalYear=" + YEAR);
                    assertThat(lines.body().findValuesAsText("name").stream().filter(name -> name.startsWith("負荷-")).count())
                            .isEqualTo(acknowledged.size());
                    List<String> names = new ArrayList<>(acceptedSingles);
                    names.addAll(List.of("満杯前", "満杯後"));
                    assertThat(lines.body().findValuesAsText("name")).containsAll(names);
                    assertThat(lines.body().findValuesAsText("name")).doesNotContainAnyElementsOf(refusedSingles);
                });
                Api.Response verify = api.post("/api/audit/verify", "{}");
                assertThat(verify.body().get("verified").asBoolean()).as(verify.raw()).isTrue();
                System.out.printf("DiskFullIT: filler %d MiB; first 8 answers 503 %d ms after the disk was full; %d answers 503 while"
                                + " it stayed full (%d in all), %d lines acknowledged while full (fit in allocated pages), %d of %d single writes accepted; first line acknowledged %d ms after space returned; %d lines acknowledged%n",
                        fillerBytes >> 20, firstRefusals.toMillis(), refusedWhileFull, unavailable.size(), acknowledgedWhileFull,
                        acceptedSingles.size(), acceptedSingles.size() + refusedSingles.size(), recovery.toMillis(),
                        acknowledged.size());
            } finally {
                Files.deleteIfExists(filler);
                if (database != null) {
                    database.close();
                }
            }
        } finally {
            umount(volume);
        }
    }

    private static long fill(Path filler) throws IOException {
        long written = 0;
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (int size = chunk.length; size >= 4096; size /= 16) {
                try {
                    while (true) {
                        out.write(chunk, 0, size);
                        out.flush();
                        written += size;
                    }
                } catch (IOException full) {
                    assertThat(full.getMessage()).contains("No space left");
                }
            }
        } catch (IOException closing) {
            assertThat(closing.getMessage()).contains("No space left");
        }
        return written;
    }

    private static void mount(Path dir, int megabytes) throws Exception {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (mount.waitFor() != 0) {
            fail("DiskFullIT needs CAP_SYS_ADMIN (run as root) to mount a small tmpfs for the database: mount said: " + output);
        }
    }

    private static void umount(Path dir) throws Exception {
        if (new ProcessBuilder("umount", dir.toString()).inheritIO().start().waitFor() != 0) {
            new ProcessBuilder("umount", "-l", dir.toString()).inheritIO().start().waitFor();
        }
    }

    private static void assertUnavailable(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.text("type")).endsWith("/database-unavailable");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
