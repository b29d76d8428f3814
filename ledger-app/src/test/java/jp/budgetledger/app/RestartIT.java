package jp.budgetledger.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/** The ledger keeps its events and totals in its data directory across restarts, and its JVM can exit. */
class RestartIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .run("--ledger.data-dir=" + dataDir, "--server.port=0", "--ledger.sample.load=false");
    }

    /** As the demo officer, whose password the first start wrote to the data directory. */
    private Api api(ConfigurableApplicationContext context) throws java.io.IOException {
        String password = Files.readAllLines(dataDir.resolve("demo-credentials.txt")).stream()
                .filter(l -> l.startsWith("officer ")).findFirst().orElseThrow().substring("officer ".length());
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort(), "officer", password);
    }

    @Test
    void eventsTotalsDemoUsersAndIdempotencyKeysSurviveARestartOnTheSameDataDirectory() throws Exception {
        String id;
        long position;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            id = api.post("/api/initiatives", line(2039, "1", "スマート自治体の推進", "総務部", "事業", 37_786_000)).text("id");
            api.post("/api/initiatives", line(2039, "4", "キャッシュレス決済の推進", "出納局", "財務会計管理費", 24_008_000));
            Api.Response amended = api.post("/api/initiatives/" + id + "/amendments", "{\"newAmountYen\": 40000000, \"reason\": \"補正\"}",
                    java.util.Map.of("X-Ledger-Actor", "officer", "Idempotency-Key", "restart-1"));
            position = amended.number("position");
            assertThat(api.get("/api/totals?fiscalYear=2039&minPosition=" + position).number("totalYen")).isEqualTo(64_008_000);
        }
        assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("demo-credentials.txt"))))
                .isEqualTo("rw-------");
        assertThat(Files.readAllLines(dataDir.resolve("demo-credentials.txt")))
                .anyMatch(l -> l.startsWith("auditor ")).anyMatch(l -> l.startsWith("viewer ")).anyMatch(l -> l.startsWith("admin "));
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("axon-janitor") && !t.isDaemon());

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            Api.Response total = api.get("/api/totals?fiscalYear=2039&minPosition=" + position);
            assertThat(total.number("totalYen")).isEqualTo(64_008_000);
            assertThat(total.number("initiativeCount")).isEqualTo(2);
            assertThat(api.get("/api/initiatives/" + id).number("version")).isEqualTo(1);
            Api.Response retried = api.post("/api/initiatives/" + id + "/amendments", "{\"newAmountYen\": 40000000, \"reason\": \"補正\"}",
                    java.util.Map.of("X-Ledger-Actor", "officer", "Idempotency-Key", "restart-1"));
            assertThat(retried.status()).isEqualTo(200);
            assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(retried.number("version")).isEqualTo(1);
            Api.Response again = api.post("/api/initiatives/" + id + "/amendments", "{\"deltaYen\": 1, \"reason\": \"再起動後\"}");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.number("version")).isEqualTo(2);
            assertThat(again.number("amountYen")).isEqualTo(40_000_001);
        }
    }
}
