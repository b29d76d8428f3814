package jp.budgetledger.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.stream.StreamSupport;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

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

        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode status = status(admin, "totals");
        while (!status.get("state").asText().equals("done")) {
            assertThat(System.nanoTime()).as(status.toString()).isLessThan(deadline);
            Thread.sleep(200);
            status = status(admin, "totals");
        }
        assertThat(status.get("eventsDone").asLong()).isEqualTo(status.get("totalEvents").asLong()).isPositive();
        assertThat(status.get("eventsPerSecond").asLong()).isPositive();
        assertThat(api.get("/api/totals/departments?fiscalYear=2088").raw()).isEqualTo(before);
        assertThat(api.get("/api/totals/categories?fiscalYear=2020").raw()).isEqualTo(beforeSample);
        long noticeDeadline = System.nanoTime() + 3_000_000_000L;
        while (api.get("/api/totals?fiscalYear=2088").headers().firstValue("X-Ledger-Rebuilding").isPresent()) {
            assertThat(System.nanoTime()).as("the rebuilding notice is gone a second after the rebuild").isLessThan(noticeDeadline);
            Thread.sleep(100);
        }
    }
}
