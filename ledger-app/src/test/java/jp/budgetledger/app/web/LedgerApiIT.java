package jp.budgetledger.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/** End to end through HTTP: each test uses its own fiscal year so that the shared ledger does not mix them. */
class LedgerApiIT extends LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void addingLinesInTwoDepartmentsAndAmendingOneGivesExactTotals() {
        Api.Response a = api.post("/api/initiatives", line(2030, "1", "スマート自治体の推進", "総務部", "スマート自治体推進事業費", 37_786_000));
        Api.Response b = api.post("/api/initiatives", line(2030, "4", "キャッシュレス決済の推進", "出納局", "財務会計管理費", 24_008_000));
        Api.Response c = api.post("/api/initiatives", line(2030, "2", "モバイルワーク・Web会議システム等の導入", "総務部", "情報ネットワーク管理費", 26_036_000));
        assertThat(List.of(a.status(), b.status(), c.status())).containsOnly(201);
        assertThat(a.headers().firstValue("Location").orElseThrow()).endsWith("/api/initiatives/" + a.text("id"));
        assertThat(a.number("version")).isZero();

        Api.Response amended = api.post("/api/initiatives/" + a.text("id") + "/amendments",
                "{\"deltaYen\": -1786000, \"reason\": \"9月補正\", \"reference\": \"議案第49号\", \"effectiveDate\": \"2030-09-30\"}");
        assertThat(amended.status()).isEqualTo(200);
        assertThat(amended.number("amountYen")).isEqualTo(36_000_000);
        assertThat(amended.number("version")).isEqualTo(1);
        long position = amended.number("position");

        Api.Response total = api.get("/api/totals?fiscalYear=2030&minPosition=" + position);
        assertThat(total.status()).isEqualTo(200);
        assertThat(total.number("totalYen")).isEqualTo(36_000_000 + 24_008_000 + 26_036_000);
        assertThat(total.number("initiativeCount")).isEqualTo(3);

        JsonNode departments = api.get("/api/totals/departments?fiscalYear=2030&minPosition=" + position).body();
        assertThat(departments.toString()).isEqualTo(
                "[{\"department\":\"総務部\",\"totalYen\":62036000,\"initiativeCount\":2},"
                        + "{\"department\":\"出納局\",\"totalYen\":24008000,\"initiativeCount\":1}]");
        JsonNode categories = api.get("/api/totals/categories?fiscalYear=2030&minPosition=" + position).body();
        assertThat(categories).extracting(n -> n.get("categoryCode").asText() + "=" + n.get("totalYen").asLong())
                .containsExactly("1=36000000", "2=26036000", "4=24008000");

        JsonNode shown = api.get("/api/initiatives/" + a.text("id") + "?minPosition=" + position).body();
        assertThat(shown.get("amountYen").asLong()).isEqualTo(36_000_000);
        assertThat(shown.get("version").asLong()).isEqualTo(1);
        assertThat(api.get("/api/initiatives?fiscalYear=2030&department=総務部".replace("総務部", "%E7%B7%8F%E5%8B%99%E9%83%A8")
                + "&minPosition=" + position).body()).hasSize(2);
    }

    @Test
    void theActorIsTheLoggedInUserWhateverTheRequestClaims() throws Exception {
        Api.Response added = api.as("tanaka").post("/api/initiatives",
                line(2031, "1", "分類", "総務部", "偽装", 1000).replace("{", "{\"actor\": \"mallory\", "),
                Map.of("X-Correlation-Id", "forge-1"));
        assertThat(added.status()).isEqualTo(201);
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/initiatives"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                ("officer:" + jp.budgetledger.app.TestUsers.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .header("X-Ledger-Actor", "mallory")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(line(2031, "1", "分類", "総務部", "偽装2", 1000)
                                .replace("{", "{\"actor\": \"mallory\", "), java.nio.charset.StandardCharsets.UTF_8)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        String id = new ObjectMapper().readTree(response.body()).get("id").asText();
        for (String line : List.of(added.text("id"), id)) {
            String metadata = jdbc.sql("SELECT convert_from(metaData, 'UTF8') FROM domainevententry WHERE aggregateIdentifier = ?")
                    .param(line).query(String.class).single();
            assertThat(metadata).doesNotContain("mallory");
        }
        assertThat(jdbc.sql("SELECT convert_from(metaData, 'UTF8') FROM domainevententry WHERE aggregateIdentifier = ?")
                .param(id).query(String.class).single()).contains("\"actor\":\"officer\"");
    }

    @Test
    void aJapaneseUserNameIsStoredAsTheActorWithTheCorrelationIdInTheEventMetadata() throws Exception {
        Api.Response added = api.post("/api/initiatives",
                line(2031, "1", "分類", "総務部", "事業A", 1000).replace("{", "{\"actor\": \"mallory\", "),
                Map.of("X-Ledger-Actor", "%E5%B1%B1%E7%94%B0%E5%A4%AA%E9%83%8E", "X-Correlation-Id", "req-42"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.headers().firstValue("X-Correlation-Id")).contains("req-42");
        String metadata = jdbc.sql("SELECT convert_from(metaData, 'UTF8') FROM domainevententry WHERE aggregateIdentifier = ?")
                .param(added.text("id")).query(String.class).single();
        JsonNode meta = new ObjectMapper().readTree(metadata);
        assertThat(meta.get("actor").asText()).isEqualTo("山田太郎");
        assertThat(meta.get("correlationId").asText()).isEqualTo("req-42");
    }

    @Test
    void theEventPayloadIsReadableJsonWithTheResolvedChangeContext() throws Exception {
        Api.Response added = api.post("/api/initiatives", line(2032, "1", "分類", "総務部", "事業B", 5000));
        JsonNode payload = new ObjectMapper().readTree(jdbc.sql(
                        "SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateIdentifier = ?")
                .param(added.text("id")).query(String.class).single());
        assertThat(payload.get("amount").asLong()).isEqualTo(5000);
        assertThat(payload.get("change").get("effectiveDate").asText()).isEqualTo("2032-04-01");
        assertThat(payload.get("change").get("reason").asText()).isEqualTo("当初予算");
        assertThat(payload.get("change").get("reference").asText()).isEqualTo("議案第1号");
    }

    @Test
    void addingTheSameLineTwiceIsAConflictNamingTheExistingId() {
        Api.Response first = api.post("/api/initiatives", line(2033, "1", "分類", "総務部", "ＡＩ活用事業", 1000));
        Api.Response second = api.post("/api/initiatives", line(2033, "1", "分類", "総務部", "AI活用事業", 2000));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.text("existingId")).isEqualTo(first.text("id"));
        assertThat(second.body().at("/errors/0/field").asText()).isEqualTo("name");
        assertThat(api.get("/api/totals?fiscalYear=2033&minPosition=" + first.number("position")).number("initiativeCount"))
                .isEqualTo(1);
    }

    @Test
    void concurrentAddsOfTheSameLineRecordExactlyOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long amount = 1000 + i;
                calls.add(() -> api.post("/api/initiatives", line(2034, "1", "分類", "総務部", "同時追加", amount)).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') LIKE '%同時追加%'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void fullWidthDigitsAndCommasInAmountsAndQueryParametersAreNormalised() {
        Api.Response added = api.post("/api/initiatives", """
                {"fiscalYear": "２０３５", "categoryCode": "１", "categoryName": "分類", "department": "総務部",
                 "name": "全角", "amountYen": "３７，７８６，０００", "reason": "当初予算"}""");
        assertThat(added.status()).isEqualTo(201);
        Api.Response total = api.get("/api/totals?fiscalYear=%EF%BC%92%EF%BC%90%EF%BC%93%EF%BC%95&minPosition="
                + added.number("position"));
        assertThat(total.number("totalYen")).isEqualTo(37_786_000);
        assertThat(api.get("/api/totals/categories?fiscalYear=2035").body().get(0).get("categoryCode").asText()).isEqualTo("1");
    }

    @Test
    void readsWithAPositionNotYetWrittenAnswerServiceUnavailableAfterWaiting() {
        Api.Response response = api.get("/api/totals?fiscalYear=2030&minPosition=999999999");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("minPosition");
    }

    @Test
    void healthIsUpWithTheEventProcessorsAndTheApiIsDescribed() {
        Api.Response health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.body().at("/components/eventProcessors/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/db/status").asText()).isEqualTo("UP");

        Api.Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().at("/paths").has("/api/initiatives/{id}/amendments")).isTrue();
        assertThat(docs.body().at("/paths").has("/api/totals/departments")).isTrue();
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
