package jp.budgetledger.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A ledger killed with SIGKILL after acknowledging a command: the command is in the event store
 * when the ledger starts again on the same data directory, even though the killed JVM left its
 * PostgreSQL running.
 */
class CrashRecoveryIT {

    @TempDir
    Path dataDir;

    @Test
    void anAcknowledgedCommandSurvivesKillDashNineAndTheNextStartRecovers() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LedgerApplication.class.getName(), "--ledger.data-dir=" + dataDir, "--server.port=" + port,
                "--ledger.sample.load=false"));
        command.addAll(TestUsers.arguments());
        Process ledger = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("ledger.log").toFile())
                .start();
        String id;
        long position;
        try {
            Api api = new Api(port);
            await("ledger started; see " + dataDir.resolve("ledger.log")).atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200)).until(() -> isUp(api));
            Api.Response added = api.post("/api/initiatives", line(2078, "1", "分類", "総務部", "強制終了前", 123_000));
            assertThat(added.status()).isEqualTo(201);
            id = added.text("id");
            position = added.number("position");
        } finally {
            ledger.destroyForcibly();
            ledger.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).as("the killed ledger left its server running").isTrue();

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(LedgerApplication.class)
                .run(withUsers("--ledger.data-dir=" + dataDir, "--server.port=0", "--ledger.sample.load=false"))) {
            Api api = new Api(((WebServerApplicationContext) restarted).getWebServer().getPort());
            Api.Response line = api.get("/api/initiatives/" + id + "?minPosition=" + position);
            assertThat(line.status()).isEqualTo(200);
            assertThat(line.number("amountYen")).isEqualTo(123_000);
            assertThat(api.get("/api/totals?fiscalYear=2078&minPosition=" + position).number("totalYen")).isEqualTo(123_000);
        }
    }

    private static String[] withUsers(String... arguments) {
        List<String> all = new java.util.ArrayList<>(List.of(arguments));
        all.addAll(TestUsers.arguments());
        return all.toArray(String[]::new);
    }

    private static boolean isUp(Api api) {
        try {
            return api.get("/actuator/health").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
