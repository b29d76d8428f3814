package jp.budgetledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.DatabaseSuperuser;
import jp.budgetledger.app.projection.ProjectionProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering with the event store directly in PostgreSQL, as someone with database rights could:
 * each kind is detected and the first broken event named; the store is restored after each test
 * and then verifies clean again. Runs on a ledger of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TamperIT {

    @DynamicPropertySource
    static void ownLedger(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> {
            try {
                return Files.createTempDirectory("ledger-tamper-").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        registry.add("ledger.sample.load", () -> "false");
        jp.budgetledger.app.TestUsers.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProjectionProgress progress;
    Api api;
    String lineA;
    String lineB;

    record Stored(long position, String aggregate, long sequence, String eventId, byte[] payload, byte[] metaData) {
    }

    @BeforeAll
    void ledger() {
        api = new Api(port);
        lineA = api.post("/api/initiatives", line(2077, "1", "分類", "総務部", "改ざん対象A", 1_000_000), Map.of("X-Ledger-Actor", "tanaka")).text("id");
        lineB = api.post("/api/initiatives", line(2077, "2", "分類", "出納局", "改ざん対象B", 500_000), Map.of("X-Ledger-Actor", "tanaka")).text("id");
        api.post("/api/initiatives/" + lineA + "/amendments", "{\"newAmountYen\": 1200000, \"reason\": \"増額\"}", Map.of("X-Ledger-Actor", "suzuki"));
        long last = api.post("/api/initiatives/" + lineA + "/amendments", "{\"newAmountYen\": 1300000, \"reason\": \"再増額\"}",
                Map.of("X-Ledger-Actor", "suzuki")).number("position");
        assertThat(progress.awaitPosition(last, Duration.ofSeconds(30))).isTrue();
    }

    @AfterEach
    void storeIsCleanAgain() {
        assertThat(verify("").body().get("verified").asBoolean()).as("restored store verifies clean").isTrue();
    }

    private Api.Response verify(String body) {
        return api.post("/api/audit/verify", body.isEmpty() ? "{}" : body);
    }

    private Stored event(String aggregate, long sequence) {
        return jdbc.sql("""
                        SELECT globalIndex, aggregateIdentifier, sequenceNumber, eventIdentifier, payload, metaData
                        FROM domainevententry WHERE aggregateIdentifier = ? AND sequenceNumber = ?""")
                .params(aggregate, sequence)
                .query((rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBytes(5), rs.getBytes(6)))
                .single();
    }

    /** Runs SQL as a database superuser who has switched the append-only triggers off. */
    private void asIntruder(String sql, Object... params) {
        JdbcClient superuser = DatabaseSuperuser.jdbc(context);
        superuser.sql("SET session_replication_role = replica").update();
        try {
            superuser.sql(sql).params(params).update();
        } finally {
            superuser.sql("SET session_replication_role = origin").update();
        }
    }

    private void restore(Stored original) {
        asIntruder("DELETE FROM domainevententry WHERE globalIndex = ?", original.position());
        asIntruder("""
                        INSERT INTO domainevententry (globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                                                      metaData, payload, payloadRevision, payloadType, timeStamp)
                        SELECT ?, aggregate_id, sequence_number, 'Initiative', event_id, ?, ?, '1', ?, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                        FROM audit_event WHERE position = ?""",
                original.position(), original.metaData(), original.payload(),
                "jp.budgetledger.core.api." + jdbc.sql("SELECT event_type FROM audit_event WHERE position = ?")
                        .param(original.position()).query(String.class).single(),
                original.position());
    }

    private JsonNode firstProblem(Api.Response report) {
        assertThat(report.body().get("verified").asBoolean()).isFalse();
        return report.body().get("firstProblem");
    }

    @Test
    void anUntouchedStoreVerifiesCleanAndMatchesTheDigestKeptForIt() {
        Api.Response report = verify("");
        assertThat(report.body().get("verified").asBoolean()).isTrue();
        assertThat(report.body().get("eventsChecked").asLong()).isEqualTo(4);
        JsonNode digest = api.get("/api/audit/digest").body();
        Api.Response against = verify("{\"position\": " + digest.get("position") + ", \"digest\": \"" + digest.get("digest").asText()
                + "\", \"eventCount\": " + digest.get("eventCount") + "}");
        assertThat(against.body().get("verified").asBoolean()).isTrue();
        assertThat(against.body().at("/digestCheck/matches").asBoolean()).isTrue();
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteEventsEvenToItsSuperuser() {
        Stored event = event(lineA, 1);
        JdbcClient superuser = DatabaseSuperuser.jdbc(context);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> superuser.sql("DELETE FROM domainevententry WHERE globalIndex = ?")
                .param(event.position()).update()).rootCause().hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> superuser.sql("UPDATE domainevententry SET payload = payload WHERE globalIndex = ?")
                .param(event.position()).update()).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void anEditedPayloadByteIsDetectedAndNamed() {
        Stored original = event(lineA, 1);
        JsonNode digest = api.get("/api/audit/digest").body();
        try {
            asIntruder("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '\"amountAfter\":1200000', '\"amountAfter\":1900000'), 'UTF8') WHERE globalIndex = ?",
                    original.position());
            Api.Response report = verify("{\"position\": " + digest.get("position") + ", \"digest\": \"" + digest.get("digest").asText() + "\"}");
            JsonNode problem = firstProblem(report);
            assertThat(problem.get("position").asLong()).isEqualTo(original.position());
            assertThat(problem.get("kind").asText()).isEqualTo("altered");
            assertThat(problem.get("eventId").asText()).isEqualTo(original.eventId());
            assertThat(report.body().at("/digestCheck/matches").asBoolean()).isFalse();
        } finally {
            asIntruder("UPDATE domainevententry SET payload = ? WHERE globalIndex = ?", original.payload(), original.position());
        }
    }

    @Test
    void anEditedActorIsDetectedAndNamed() {
        Stored original = event(lineA, 2);
        try {
            asIntruder("UPDATE domainevententry SET metaData = convert_to(replace(convert_from(metaData, 'UTF8'), '\"actor\":\"suzuki\"', '\"actor\":\"mallory\"'), 'UTF8') WHERE globalIndex = ?",
                    original.position());
            JsonNode problem = firstProblem(verify(""));
            assertThat(problem.get("position").asLong()).isEqualTo(original.position());
            assertThat(problem.get("kind").asText()).isEqualTo("altered");
        } finally {
            asIntruder("UPDATE domainevententry SET metaData = ? WHERE globalIndex = ?", original.metaData(), original.position());
        }
    }

    @Test
    void aDeletedEventIsDetectedAndNamed() {
        Stored original = event(lineA, 1);
        try {
            asIntruder("DELETE FROM domainevententry WHERE globalIndex = ?", original.position());
            Api.Response report = verify("");
            JsonNode problem = firstProblem(report);
            assertThat(problem.get("position").asLong()).isEqualTo(original.position());
            assertThat(problem.get("kind").asText()).isEqualTo("missing");
            assertThat(problem.get("eventId").asText()).isEqualTo(original.eventId());
            assertThat(report.body().get("problems")).anySatisfy(p -> assertThat(p.get("kind").asText()).isEqualTo("sequence-gap"));
        } finally {
            restore(original);
        }
    }

    @Test
    void aDeletedLastEventOfALineIsDetectedAndNamed() {
        Stored original = event(lineB, 0);
        try {
            asIntruder("DELETE FROM domainevententry WHERE globalIndex = ?", original.position());
            JsonNode problem = firstProblem(verify(""));
            assertThat(problem.get("position").asLong()).isEqualTo(original.position());
            assertThat(problem.get("kind").asText()).isEqualTo("missing");
        } finally {
            restore(original);
        }
    }

    @Test
    void aForgedEventIsDetectedAndNamed() {
        Stored copied = event(lineA, 2);
        long forgedPosition = jdbc.sql("SELECT max(globalIndex) + 1000 FROM domainevententry").query(Long.class).single();
        try {
            asIntruder("""
                            INSERT INTO domainevententry (globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                                                          metaData, payload, payloadRevision, payloadType, timeStamp)
                            SELECT ?, aggregateIdentifier, 3, type, ?, metaData,
                                   convert_to(replace(convert_from(payload, 'UTF8'), '"amountAfter":1300000', '"amountAfter":9300000'), 'UTF8'),
                                   payloadRevision, payloadType, timeStamp
                            FROM domainevententry WHERE globalIndex = ?""",
                    forgedPosition, UUID.randomUUID().toString(), copied.position());
            JsonNode problem = firstProblem(verify(""));
            assertThat(problem.get("position").asLong()).isEqualTo(forgedPosition);
            assertThat(problem.get("kind").asText()).isIn("altered", "chain-broken", "not-in-audit-log");
        } finally {
            asIntruder("DELETE FROM domainevententry WHERE globalIndex = ?", forgedPosition);
            jdbc.sql("DELETE FROM audit_event WHERE position = ?").param(forgedPosition).update();
        }
    }

    @Test
    void twoSwappedEventsAreDetectedAndNamed() {
        Stored first = event(lineA, 1);
        Stored second = event(lineA, 2);
        try {
            asIntruder("UPDATE domainevententry SET payload = ?, metaData = ? WHERE globalIndex = ?", second.payload(), second.metaData(), first.position());
            asIntruder("UPDATE domainevententry SET payload = ?, metaData = ? WHERE globalIndex = ?", first.payload(), first.metaData(), second.position());
            Api.Response report = verify("");
            JsonNode problem = firstProblem(report);
            assertThat(problem.get("position").asLong()).isEqualTo(first.position());
            assertThat(report.body().get("problems")).anySatisfy(p -> assertThat(p.get("position").asLong()).isEqualTo(second.position()));
        } finally {
            asIntruder("UPDATE domainevententry SET payload = ?, metaData = ? WHERE globalIndex = ?", first.payload(), first.metaData(), first.position());
            asIntruder("UPDATE domainevententry SET payload = ?, metaData = ? WHERE globalIndex = ?", second.payload(), second.metaData(), second.position());
        }
    }
}
