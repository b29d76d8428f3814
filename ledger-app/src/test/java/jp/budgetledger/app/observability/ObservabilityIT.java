package jp.budgetledger.app.observability;

import jp.budgetledger.app.Api;
import jp.budgetledger.app.TestUsers;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics on the Prometheus endpoint (for admins), processor lag in health. A ledger of its own,
 * with metrics export on as in production (Spring Boot's tests turn it off by default).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class ObservabilityIT {

    @DynamicPropertySource
    static void ownLedger(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> {
            try {
                return java.nio.file.Files.createTempDirectory("ledger-metrics-").toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        TestUsers.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void commandsRejectionsImportsAndAxonMetricsAreExposedToAdmins() {
        Api api = new Api(port);
        Api.Response added = api.post("/api/initiatives", line(2099, "1", "分類", "総務部", "計測", 1_000));
        api.post("/api/initiatives/" + added.text("id") + "/amendments", "{\"deltaYen\": -5000, \"reason\": \"減額\"}");
        Api.Response metrics = api.as("admin").get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw())
                .contains("ledger_commands_total{outcome=\"accepted\",type=\"AddInitiative\"}")
                .contains("ledger_rejections_total{rule=\"negative-amount\"}")
                .contains("ledger_import_lines_count")
                .containsPattern("(?m)^commandBus_successCounter")
                .containsPattern("(?m)^eventProcessor_processedCounter_total\\{payloadType=\"InitiativeAdded\",processorName=\"totals\"\\}")
                .containsPattern("(?m)^eventProcessor_capacity\\{processorName=\"totals\"\\}")
                .containsPattern("(?m)^eventProcessor_latency\\w*\\{processorName=\"temporal\"");
        assertThat(api.as("viewer").get("/actuator/prometheus").status()).isEqualTo(403);
    }

    @Test
    void healthShowsEachProcessorsLagBehindTheHead() {
        Api.Response health = new Api(port).as("admin").get("/actuator/health");
        assertThat(health.body().at("/components/eventProcessors/details/headPosition").asLong()).isPositive();
        assertThat(health.body().at("/components/eventProcessors/details/totals/lag").isNumber()).isTrue();
    }
}
