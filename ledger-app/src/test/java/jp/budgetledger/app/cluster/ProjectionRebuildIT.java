package jp.budgetledger.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.stream.StreamSupport;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A rebuild requested by an administrator runs to the end, reports progress, and gives the same figures. */
class ProjectionRebuildIT extends LedgerIT {

    @LocalServerPort
    int port;

    private JsonNode status(Api admin, String name) {
        return StreamSupport.stream(admin.get("/api/admin/projections").body().spliterator(), false)
                .filter(s -> s.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aRebuildOfTheTotalsStopsResetsReplaysAndEndsWithTheSameFigures() throws Exception {
        Api api = new Api(port);
        long position = api.post("/api/initiatives", line(2088, "1", "分類", "総務部", "再構築", 12_345)).number("position");
        String before = api.get("/api/totals/departments?fiscalYear=2088&minPosition=" + position).raw();
        String beforeSample = api.get("/api/totals/categories?fiscalYear=2020").raw();
        Api admin = api.as("admin");

        Api.Response requested = admin.post("/api/admin/projections/totals/rebuild", "");
        assertThat(requested.status()).as(requested.raw()).isEqualTo(202);
        assertThat(requested.text("state")).isEqualTo("stopping");
        assertThat(api.get("/api/totals?fiscalYear=2088").headers().firstValue("X-Ledger-Rebuilding")).contains("totals");
        assertThat(admin.post("/api/admin/projections/nope/rebuild", "").status()).isEqualTo(400);
        assertThat(api.as("only-officer").post("/api/admin/projections/totals/rebuild", "").status()).isEqualTo(403);

        JsonNode status = await("the rebuild of the totals is done").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> status(admin, "totals"), s -> s.get("state").asText().equals("done"));
        assertThat(status.get("eventsDone").asLong()).isEqualTo(status.get("totalEvents").asLong()).isPositive();
        assertThat(status.get("eventsPerSecond").asLong()).isPositive();
        assertThat(api.get("/api/totals/departments?fiscalYear=2088").raw()).isEqualTo(before);
        assertThat(api.get("/api/totals/categories?fiscalYear=2020").raw()).isEqualTo(beforeSample);
        await("the rebuilding notice is gone a second after the rebuild").atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/totals?fiscalYear=2088").headers().firstValue("X-Ledger-Rebuilding").isEmpty());
    }
}
