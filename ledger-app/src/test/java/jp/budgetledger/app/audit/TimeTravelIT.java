package jp.budgetledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static jp.budgetledger.app.Api.line;
import static jp.budgetledger.app.Marks.mark;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scenario on both time axes, fiscal year 2070, with figures worked out by hand:
 * <pre>
 * t1: A 総務部 1,000,000 and B 出納局 500,000, both effective 2070-04-01
 * t2: A +200,000 effective 2070-10-01
 * t3: A -100,000 effective 2070-07-01 (backdated: recorded after the October change)
 * t4: B to 800,000 effective 2070-12-01; C 総務部 300,000 added effective 2070-09-01
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeTravelIT extends LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    Instant t0;
    Instant t1;
    Instant t2;
    Instant t3;
    Instant t4;
    String a;
    long last;

    private Api.Response write(String path, String json, String actor) {
        Api.Response response = api.post(path, json, Map.of("X-Ledger-Actor", actor));
        assertThat(response.status()).as(response.raw()).isIn(200, 201);
        last = response.number("position");
        return response;
    }

    @BeforeAll
    void scenario() throws Exception {
        api = new Api(port);
        t0 = mark();
        a = write("/api/initiatives", line(2070, "1", "分類1", "総務部", "A事業", 1_000_000), "tanaka").text("id");
        String b = write("/api/initiatives", line(2070, "2", "分類2", "出納局", "B事業", 500_000), "tanaka").text("id");
        t1 = mark();
        write("/api/initiatives/" + a + "/amendments",
                "{\"deltaYen\": 200000, \"effectiveDate\": \"2070-10-01\", \"reason\": \"10月補正\", \"reference\": \"議案第10号\"}", "suzuki");
        t2 = mark();
        write("/api/initiatives/" + a + "/amendments",
                "{\"deltaYen\": -100000, \"effectiveDate\": \"2070-07-01\", \"reason\": \"7月に遡る減額\"}", "sato");
        t3 = mark();
        write("/api/initiatives/" + b + "/amendments",
                "{\"newAmountYen\": 800000, \"effectiveDate\": \"2070-12-01\", \"reason\": \"12月補正\"}", "suzuki");
        write("/api/initiatives", line(2070, "1", "分類1", "総務部", "C事業", 300_000)
                .replace("\"reason\"", "\"effectiveDate\": \"2070-09-01\", \"reason\""), "tanaka");
        t4 = mark();
        api.get("/api/totals?fiscalYear=2070&minPosition=" + last);
    }

    private JsonNode total(String query) {
        Api.Response response = api.get("/api/totals?fiscalYear=2070&minPosition=" + last + query);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private void assertTotal(String query, long yen, int lines) {
        JsonNode total = total(query);
        assertThat(total.get("totalYen").asLong()).as(query).isEqualTo(yen);
        assertThat(total.get("initiativeCount").asInt()).as(query).isEqualTo(lines);
    }

    @Test
    void eachCombinationOfAsOfAndEffectiveOnGivesTheFiguresComputedByHand() {
        assertTotal("&asOf=" + t0, 0, 0);
        assertTotal("&effectiveOn=2070-08-01&asOf=" + t1, 1_500_000, 2);
        assertTotal("&effectiveOn=2070-08-01&asOf=" + t2, 1_500_000, 2);
        assertTotal("&effectiveOn=2070-08-01&asOf=" + t3, 1_400_000, 2);
        assertTotal("&effectiveOn=2070-11-01&asOf=" + t2, 1_700_000, 2);
        assertTotal("&effectiveOn=2070-11-01&asOf=" + t3, 1_600_000, 2);
        assertTotal("&effectiveOn=2070-11-01&asOf=" + t4, 1_900_000, 3);
        assertTotal("&effectiveOn=2070-12-15&asOf=" + t4, 2_200_000, 3);
        assertTotal("&effectiveOn=2070-08-15&asOf=" + t4, 1_400_000, 2);
        assertTotal("&effectiveOn=2070-06-01", 1_500_000, 2);
        assertTotal("&asOf=" + t2, 1_700_000, 2);
        assertTotal("&effectiveOn=2070-04-01", 1_500_000, 2);
        assertTotal("&effectiveOn=2070-03-31", 0, 0);
        assertTotal("&effectiveOn=2099-01-01", 2_200_000, 3);
    }

    @Test
    void withoutEitherAxisTheTotalsAreTheYearsBudgetAsRecordedAndEqualTheTemporalModelAtYearEnd() {
        assertTotal("", 2_200_000, 3);
        assertThat(total("")).isEqualTo(total("&effectiveOn=2071-03-31&asOf=" + Instant.now()));
    }

    @Test
    void departmentsCategoriesAndListsFollowBothAxes() {
        JsonNode departments = api.get("/api/totals/departments?fiscalYear=2070&effectiveOn=2070-08-15&asOf=" + t4).body();
        assertThat(departments.toString()).isEqualTo(
                "[{\"department\":\"総務部\",\"totalYen\":900000,\"initiativeCount\":1},"
                        + "{\"department\":\"出納局\",\"totalYen\":500000,\"initiativeCount\":1}]");
        JsonNode categories = api.get("/api/totals/categories?fiscalYear=2070&effectiveOn=2070-11-01&asOf=" + t4).body();
        assertThat(categories).extracting(c -> c.get("categoryCode").asText() + "=" + c.get("totalYen").asLong())
                .containsExactly("1=1400000", "2=500000");
        JsonNode lines = api.get("/api/initiatives?fiscalYear=2070&effectiveOn=2070-08-15&asOf=" + t4).body();
        assertThat(lines).extracting(l -> l.get("name").asText() + "=" + l.get("amountYen").asLong())
                .containsExactly("A事業=900000", "B事業=500000");
        JsonNode before = api.get("/api/initiatives?fiscalYear=2070&asOf=" + t1).body();
        assertThat(before).extracting(l -> l.get("name").asText() + "=" + l.get("amountYen").asLong())
                .containsExactly("A事業=1000000", "B事業=500000");
    }

    @Test
    void theLiteralReplayAgreesWithTheReadModelAtEveryProbedMoment() {
        for (Instant asOf : List.of(t0, t1, t2, t3, t4, Instant.now())) {
            for (String day : List.of("2070-04-01", "2070-07-01", "2070-08-15", "2070-10-01", "2070-12-15", "2071-03-31")) {
                Api.Response replay = api.post("/api/audit/replays",
                        "{\"fiscalYear\": 2070, \"asOf\": \"" + asOf + "\", \"effectiveOn\": \"" + day + "\"}");
                assertThat(replay.status()).isEqualTo(200);
                assertThat(replay.body().get("matches").asBoolean()).as(asOf + " " + day + ": " + replay.body().get("differences")).isTrue();
                assertThat(replay.body().at("/replay/totalYen").asLong())
                        .isEqualTo(total("&effectiveOn=" + day + "&asOf=" + asOf).get("totalYen").asLong());
                assertThat(replay.body().get("eventsRead").asLong()).isPositive();
            }
        }
        Api.Response check = api.post("/api/audit/replays", "{\"fiscalYear\": 2070, \"effectiveOn\": \"2070-08-15\", \"asOf\": \"" + t3 + "\"}");
        assertThat(check.body().at("/replay/departmentsYen/総務部").asLong()).isEqualTo(900_000);
    }

    @Test
    void historyShowsEveryChangeWithItsActorReasonAndAmounts() {
        JsonNode history = api.get("/api/initiatives/" + a + "/history").body();
        assertThat(history).hasSize(3);
        assertThat(history).extracting(h -> h.get("type").asText())
                .containsExactly("InitiativeAdded", "AmountAmended", "AmountAmended");
        assertThat(history).extracting(h -> h.get("actor").asText()).containsExactly("tanaka", "suzuki", "sato");
        assertThat(history).extracting(h -> h.get("reason").asText()).containsExactly("当初予算", "10月補正", "7月に遡る減額");
        assertThat(history).extracting(h -> h.get("effectiveDate").asText()).containsExactly("2070-04-01", "2070-10-01", "2070-07-01");
        assertThat(history.get(1).get("amountBeforeYen").asLong()).isEqualTo(1_000_000);
        assertThat(history.get(1).get("amountAfterYen").asLong()).isEqualTo(1_200_000);
        assertThat(history.get(1).get("reference").asText()).isEqualTo("議案第10号");
        assertThat(history.get(2).get("amountAfterYen").asLong()).isEqualTo(1_100_000);
        assertThat(history.get(0).at("/changes/name").asText()).isEqualTo("A事業");
        assertThat(history).allSatisfy(h -> {
            assertThat(h.get("position").asLong()).isPositive();
            assertThat(h.get("hash").asText()).hasSize(64);
            assertThat(Instant.parse(h.get("recordedAt").asText())).isAfter(t0).isBefore(t4);
        });
        assertThat(api.get("/api/initiatives/unknown-line/history").status()).isEqualTo(404);
    }

    @Test
    void theAuditLogFiltersByYearActorDepartmentAndTimeAndExportsCsv() {
        JsonNode bySato = api.get("/api/audit/events?fiscalYear=2070&actor=sato").body();
        assertThat(bySato.get("total").asLong()).isEqualTo(1);
        assertThat(bySato.at("/items/0/reason").asText()).isEqualTo("7月に遡る減額");
        assertThat(bySato.at("/items/0/subject").asText()).isEqualTo("A事業");
        JsonNode treasury = api.get("/api/audit/events?fiscalYear=2070&department=%E5%87%BA%E7%B4%8D%E5%B1%80").body();
        assertThat(treasury.get("total").asLong()).isEqualTo(2);
        JsonNode window = api.get("/api/audit/events?fiscalYear=2070&from=" + t1 + "&to=" + t3).body();
        assertThat(window.get("items")).extracting(i -> i.get("actor").asText()).containsExactly("suzuki", "sato");
        JsonNode paged = api.get("/api/audit/events?fiscalYear=2070&size=2&page=1").body();
        assertThat(paged.get("total").asLong()).isEqualTo(6);
        assertThat(paged.get("items")).hasSize(2);

        Api.Response csv = api.get("/api/audit/events?fiscalYear=2070&format=csv");
        assertThat(csv.contentType()).as(csv.raw()).startsWith("text/csv");
        assertThat(csv.raw()).startsWith("\uFEFFposition,recordedAt,type").contains("7月に遡る減額").contains("sato");
        assertThat(csv.raw().lines().count()).isEqualTo(7);
    }

    @Test
    void everyEventCarriesTheFullAuditMetadata() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> metadata = jdbc.sql("""
                        SELECT convert_from(metaData, 'UTF8') FROM domainevententry
                        WHERE convert_from(payload, 'UTF8') LIKE '%"fiscalYear":2070%'""")
                .query(String.class).list();
        assertThat(metadata).hasSize(6);
        for (String m : metadata) {
            JsonNode node = json.readTree(m);
            for (String key : List.of("actor", "correlationId", "causationId", "requestId", "recordedAt", "effectiveDate",
                    "reason", "hash", "previousHash")) {
                assertThat(node.hasNonNull(key)).as(key + " in " + m).isTrue();
            }
        }
        assertThat(metadata).anySatisfy(m -> assertThat(m).contains("\"reference\":\"議案第10号\""));
    }
}
