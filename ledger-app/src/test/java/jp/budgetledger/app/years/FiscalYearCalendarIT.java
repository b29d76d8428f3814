package jp.budgetledger.app.years;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.core.document.BundledSamples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar of a fiscal year through HTTP: once its 31 March has passed (fiscal year 2008 ended on 2009-03-31), its printed
 * budget book may still be imported, but an ordinary change of it is refused, naming the rule, and changes nothing.
 */
class FiscalYearCalendarIT extends LedgerIT {

    private static final int ENDED = 2008;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static void assertRefusedAsEnded(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).endsWith("fiscal-year-ended");
        assertThat(response.body().at("/rule").asText()).isEqualTo("fiscal-year-ended");
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("fiscalYear");
        assertThat(response.body().at("/errors/0/reason").asText()).contains("2009-03-31");
    }

    @Test
    void anEndedYearsBudgetBookIsImportedButItsLinesNoLongerChange() {
        Api.Response imported = api.post("/api/imports?fiscalYear=" + ENDED, "text/plain; charset=UTF-8",
                HttpRequest.BodyPublishers.ofByteArray(BundledSamples.bytes(BundledSamples.SMART_MUNICIPALITY)), false);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        long position = imported.number("position");
        JsonNode lines = api.get("/api/initiatives?fiscalYear=" + ENDED + "&minPosition=" + position).body();
        assertThat(lines).hasSize(16);
        String first = lines.get(0).get("id").asText();
        String second = lines.get(1).get("id").asText();
        long before = events();

        assertRefusedAsEnded(api.post("/api/initiatives/" + first + "/amendments",
                "{\"deltaYen\": 1000, \"effectiveDate\": \"2009-03-31\", \"reason\": \"年度末の増額\"}"));
        assertRefusedAsEnded(api.post("/api/initiatives", Api.line(ENDED, "1", "スマート改革の推進", "総務部", "新規事業", 5_000)));
        assertRefusedAsEnded(api.post("/api/transfers", """
                {"fromId": "%s", "toId": "%s", "amountYen": 1000, "reason": "流用"}""".formatted(first, second)));

        assertThat(events()).isEqualTo(before);
        assertThat(api.get("/api/totals?fiscalYear=" + ENDED + "&minPosition=" + position).number("totalYen")).isEqualTo(312_451_000L);
    }
}
