package jp.budgetledger.app.years;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.backup.EventBackup;
import jp.budgetledger.core.document.BundledSamples;
import jp.budgetledger.verifier.VerifierMain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The close (確定), seal and reopening of a fiscal year through HTTP: a closed year takes no change, a close before the end of
 * the 出納整理期間 needs force, reading as of a moment before the close shows the year open, a reopening needs another approver,
 * writes racing with a close commit before it or are refused, and the close's tree head verifies with the independent verifier.
 */
class FiscalYearLifeIT extends LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventBackup backup;
    @TempDir
    Path files;
    Api api;
    Api approver;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        approver = new Api(port).as("approver");
    }

    private String addLine(int year, String name) {
        Api.Response added = api.post("/api/initiatives", Api.line(year, "1", "総務費", "総務部", name, 1_000_000));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        return added.text("id");
    }

    private Api.Response close(Api as, int year, String body) {
        return as.post("/api/fiscal-years/" + year + "/close", body);
    }

    private long eventsOf(List<String> aggregates) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateIdentifier IN (:ids)").param("ids", aggregates)
                .query(Long.class).single();
    }

    private static void assertRefused(Api.Response response, int status, String rule, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().at("/rule").asText()).isEqualTo(rule);
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo(field);
    }

    @Test
    void aWriteToAClosedYearIsRefusedAndChangesNothing() {
        String line = addLine(2042, "庁舎管理費");
        Api.Response closed = close(approver, 2042, "{\"reason\": \"決算審査のため早期に確定\", \"force\": true}");
        assertThat(closed.status()).as(closed.raw()).isEqualTo(201);
        assertThat(closed.body().get("forced").asBoolean()).isTrue();
        long before = eventsOf(List.of(line));

        assertRefused(api.post("/api/initiatives/" + line + "/amendments", "{\"deltaYen\": 1000, \"reason\": \"増額\"}"), 409,
                "fiscal-year-closed", "fiscalYear");
        assertRefused(api.post("/api/initiatives", Api.line(2042, "1", "総務費", "総務部", "確定後の新規", 5_000)), 409,
                "fiscal-year-closed", "fiscalYear");
        assertRefused(close(approver, 2042, "{\"reason\": \"二度目\", \"force\": true}"), 409, "fiscal-year-already-closed", "fiscalYear");

        assertThat(eventsOf(List.of(line))).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') LIKE '%確定後の新規%'")
                .query(Long.class).single()).isZero();
        assertThat(api.get("/api/initiatives/" + line + "?minPosition=" + closed.number("position")).number("amountYen")).isEqualTo(1_000_000L);
    }

    @Test
    void onlyAnApproverOrAnAdministratorClosesAYear() {
        String body = "{\"reason\": \"確定\", \"force\": true}";
        assertThat(close(new Api(port).as("only-officer"), 2043, body).status()).isEqualTo(403);
        assertThat(close(new Api(port).as("viewer"), 2043, body).status()).isEqualTo(403);
        assertThat(close(new Api(port).as("admin"), 2043, body).status()).isEqualTo(201);
    }

    @Test
    void aCloseBeforeTheEndOfTheSettlementPeriodNeedsForce() {
        addLine(2044, "出納整理");
        assertRefused(close(approver, 2044, "{\"reason\": \"確定\"}"), 409, "fiscal-year-not-settled", "force");
        assertThat(approver.get("/api/fiscal-years/2044").body().get("closed").asBoolean()).isFalse();

        Api.Response forced = close(approver, 2044, "{\"reason\": \"監査日程のため\", \"reference\": \"財政課長決裁\", \"force\": true}");
        assertThat(forced.status()).as(forced.raw()).isEqualTo(201);
        JsonNode year = approver.get("/api/fiscal-years/2044?minPosition=" + forced.number("position")).body();
        assertThat(year.get("closed").asBoolean()).isTrue();
        assertThat(year.get("forced").asBoolean()).isTrue();
        assertThat(year.get("closedBy").asText()).isEqualTo("approver");
        assertThat(year.get("reason").asText()).isEqualTo("監査日程のため");
        assertThat(year.get("japaneseName").asText()).isEqualTo("令和26年度");
        assertThat(year.get("settlementEnd").asText()).isEqualTo("2045-05-31");
        assertThat(year.get("phase").asText()).isEqualTo("open");
        assertThat(year.at("/history/0/kind").asText()).isEqualTo("closed");
    }

    @Test
    void anEndedYearIsClosedWithoutForce() {
        Api.Response imported = api.post("/api/imports?fiscalYear=2010", "text/plain; charset=UTF-8",
                HttpRequest.BodyPublishers.ofByteArray(BundledSamples.bytes(BundledSamples.SMART_MUNICIPALITY)), false);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        Api.Response closed = close(approver, 2010, "{\"reason\": \"決算認定\"}");
        assertThat(closed.status()).as(closed.raw()).isEqualTo(201);
        assertThat(closed.body().get("forced").asBoolean()).isFalse();
        JsonNode years = approver.get("/api/fiscal-years?minPosition=" + closed.number("sealPosition")).body();
        JsonNode year = null;
        for (JsonNode y : years) {
            if (y.get("fiscalYear").asInt() == 2010) {
                year = y;
            }
        }
        assertThat(year).isNotNull();
        assertThat(year.get("phase").asText()).isEqualTo("ended");
        assertThat(year.get("closed").asBoolean()).isTrue();
        assertThat(year.at("/seal/treeSize").asLong()).isEqualTo(closed.body().at("/treeHead/treeSize").asLong());
    }

    @Test
    void readingAsOfAMomentBeforeTheCloseShowsTheYearOpenAndItsReportsUnconfirmed() {
        String line = addLine(2045, "防災無線");
        Instant beforeClose = Instant.now();
        Api.Response closed = close(approver, 2045, "{\"reason\": \"確定\", \"force\": true}");
        assertThat(closed.status()).as(closed.raw()).isEqualTo(201);
        long position = closed.number("position");

        JsonNode then = approver.get("/api/fiscal-years/2045?asOf=" + beforeClose + "&minPosition=" + position).body();
        assertThat(then.get("closed").asBoolean()).isFalse();
        assertThat(then.get("history")).isEmpty();
        JsonNode now = approver.get("/api/fiscal-years/2045?minPosition=" + closed.number("sealPosition")).body();
        assertThat(now.get("closed").asBoolean()).isTrue();
        assertThat(now.get("closedAt").asText()).isNotBlank();
        assertThat(now.at("/seal/rootHash").asText()).isEqualTo(closed.body().at("/treeHead/rootHash").asText());

        String report = "/api/reports/current-budget?fiscalYear=2045&level=line";
        assertThat(api.get(report + "&asOf=" + beforeClose).body().get("closed").asBoolean()).isFalse();
        JsonNode confirmed = api.get(report).body();
        assertThat(confirmed.get("closed").asBoolean()).isTrue();
        assertThat(confirmed.get("closedAt").asText()).isNotBlank();
        assertThat(api.get(report + "&format=csv").raw()).contains("令和27年度").contains("（確定）");
        assertThat(api.get(report + "&format=csv&asOf=" + beforeClose).raw()).doesNotContain("（確定）");
        assertThat(api.get("/api/reports/betsu?fiscalYear=2045").raw().lines().findFirst().orElseThrow()).endsWith("（確定）");
        assertThat(api.get("/api/reports/table1?fiscalYear=2045&format=json").body().get("closed").asBoolean()).isTrue();
        assertThat(api.get("/api/initiatives/" + line).status()).isEqualTo(200);
    }

    @Test
    void aReopeningNeedsAnotherApproverAndThenTheYearTakesChangesAgain() {
        String line = addLine(2046, "道路維持費");
        assertRefused(approver.post("/api/fiscal-years/2046/reopen", "{\"reason\": \"開いている\"}"), 409, "fiscal-year-not-closed",
                "fiscalYear");
        assertThat(close(approver, 2046, "{\"reason\": \"確定\", \"force\": true}").status()).isEqualTo(201);

        Api.Response drafted = approver.post("/api/fiscal-years/2046/reopen", "{\"reason\": \"決算の誤りの訂正\", \"reference\": \"監査指摘第3号\"}");
        assertThat(drafted.status()).as(drafted.raw()).isEqualTo(202);
        assertThat(drafted.text("kind")).isEqualTo("fiscal-year-reopening");
        String draft = drafted.text("draftId");
        JsonNode pending = approver.get("/api/fiscal-years/2046?minPosition=" + drafted.number("position")).body();
        assertThat(pending.get("closed").asBoolean()).isTrue();
        assertThat(pending.at("/pendingReopening/draftId").asText()).isEqualTo(draft);
        assertThat(pending.at("/pendingReopening/reason").asText()).isEqualTo("決算の誤りの訂正");
        JsonNode inbox = approver.get("/api/approvals/" + draft).body();
        assertThat(inbox.get("kind").asText()).isEqualTo("fiscal-year-reopening");
        assertThat(inbox.at("/proposal/fiscalYear").asInt()).isEqualTo(2046);
        assertRefused(api.post("/api/initiatives/" + line + "/amendments", "{\"deltaYen\": 1000, \"reason\": \"増額\"}"), 409,
                "fiscal-year-closed", "fiscalYear");

        assertThat(approver.post("/api/approvals/" + draft + "/approve", "").status()).isEqualTo(422);
        Api.Response approved = new Api(port).as("kacho").post("/api/approvals/" + draft + "/approve", "");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        long position = approved.number("position");

        JsonNode reopened = approver.get("/api/fiscal-years/2046?minPosition=" + position).body();
        assertThat(reopened.get("closed").asBoolean()).isFalse();
        assertThat(reopened.at("/reopenings/0/approvedBy").asText()).isEqualTo("kacho");
        assertThat(reopened.at("/reopenings/0/requestedBy").asText()).isEqualTo("approver");
        assertThat(reopened.at("/reopenings/0/reason").asText()).isEqualTo("決算の誤りの訂正");
        assertThat(reopened.get("pendingReopening").isNull()).isTrue();
        JsonNode audit = api.get("/api/audit/events?fiscalYear=2046&minPosition=" + position).body();
        assertThat(audit.toString()).contains("FiscalYearReopened").contains("kacho").contains("決算の誤りの訂正");

        Api.Response amended = api.post("/api/initiatives/" + line + "/amendments", "{\"deltaYen\": 1000, \"reason\": \"訂正\"}");
        assertThat(amended.status()).as(amended.raw()).isEqualTo(200);
        Api.Response again = close(approver, 2046, "{\"reason\": \"再確定\", \"force\": true}");
        assertThat(again.status()).as(again.raw()).isEqualTo(201);
        assertThat(again.body().at("/treeHead/treeSize").asLong()).isGreaterThan(0);
        JsonNode history = approver.get("/api/fiscal-years/2046?minPosition=" + again.number("position")).body().get("history");
        assertThat(history.findValuesAsText("kind")).containsSubsequence("closed", "sealed", "reopened", "closed");
    }

    @Test
    void writesRacingWithACloseCommitBeforeItOrAreRefused() throws Exception {
        int writers = 4;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            lines.add(addLine(2047, "競合事業" + i));
        }
        List<Api.Response> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean refused = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> running = new ArrayList<>();
        for (String line : lines) {
            running.add(pool.submit(() -> {
                Api writer = new Api(port).as("thread");
                started.countDown();
                for (int n = 0; n < 200 && !refused.get(); n++) {
                    Api.Response answer = writer.post("/api/initiatives/" + line + "/amendments", "{\"deltaYen\": 1, \"reason\": \"競合\"}");
                    answers.add(answer);
                    if (answer.status() != 200) {
                        refused.set(true);
                    }
                }
            }));
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Api.Response closed = close(approver, 2047, "{\"reason\": \"競合中の確定\", \"force\": true}");
        assertThat(closed.status()).as(closed.raw()).isEqualTo(201);
        refused.set(true);
        for (Future<?> future : running) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        long closePosition = closed.number("position");

        assertThat(answers).allSatisfy(answer -> {
            if (answer.status() == 200) {
                assertThat(answer.number("position")).isLessThan(closePosition);
            } else {
                assertThat(answer.status()).as(answer.raw()).isEqualTo(409);
                assertThat(answer.body().at("/rule").asText()).isEqualTo("fiscal-year-closed");
            }
        });
        assertThat(jdbc.sql("SELECT max(globalIndex) FROM domainevententry WHERE aggregateIdentifier IN (:ids)").param("ids", lines)
                .query(Long.class).single()).isLessThan(closePosition);
        assertThat(api.post("/api/initiatives/" + lines.get(0) + "/amendments", "{\"deltaYen\": 1, \"reason\": \"確定後\"}").status())
                .isEqualTo(409);
    }

    @Test
    void theClosesTreeHeadVerifiesWithTheIndependentVerifierAndIncludesTheClose() throws Exception {
        addLine(2048, "封印の検証");
        Api.Response closed = close(approver, 2048, "{\"reason\": \"確定\", \"force\": true}");
        assertThat(closed.status()).as(closed.raw()).isEqualTo(201);
        JsonNode head = closed.body().get("treeHead");
        JsonNode proof = closed.body().get("inclusionProof");
        assertThat(proof.get("position").asLong()).isEqualTo(closed.number("position"));
        assertThat(proof.get("treeSize").asLong()).isEqualTo(head.get("treeSize").asLong());
        assertThat(head.get("lastPosition").asLong()).isGreaterThanOrEqualTo(closed.number("position"));
        assertThat(api.get("/api/audit/tree-head?treeSize=" + head.get("treeSize").asLong()).body()).isEqualTo(head);

        Path headFile = Files.writeString(files.resolve("tree-head.json"), head.toString());
        Path proofFile = Files.writeString(files.resolve("inclusion.json"), proof.toString());
        Path key = Files.writeString(files.resolve("public-key.pem"), api.get("/api/audit/public-key").raw());
        Path events = files.resolve("events.ndjson");
        try (OutputStream out = Files.newOutputStream(events)) {
            backup.export(out);
        }
        StringWriter out = new StringWriter();
        int exit = VerifierMain.run(new String[]{"--events", events.toString(), "--tree-head", headFile.toString(),
                "--inclusion-proof", proofFile.toString(), "--public-key", key.toString()}, new PrintWriter(out, true), new PrintWriter(out, true));
        assertThat(exit).as(out.toString()).isZero();

        JsonNode sealed = approver.get("/api/fiscal-years/2048?minPosition=" + closed.number("sealPosition")).body();
        assertThat(sealed.at("/history/1/kind").asText()).isEqualTo("sealed");
        assertThat(sealed.at("/seal/signature").asText()).isEqualTo(head.get("signature").asText());
    }
}
