package jp.budgetledger.app.merkle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.DatabaseSuperuser;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.eventstore.EventHashes;
import jp.budgetledger.app.projection.ProjectionProgress;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.projections.ProjectionNames;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Item 5 of issue 21 on the service's side: against tree heads signed before, a database superuser with the triggers
 * switched off edits, deletes, reorders, forges and refills events, re-hashing every chain as a careful intruder would;
 * {@code POST /api/audit/verify} with the signed head names the first position that disagrees and how. The store is
 * restored byte for byte after each attack and verifies clean again. Runs on a ledger of its own, whose tree is built
 * and signed only on demand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MerkleAttackIT {

    @DynamicPropertySource
    static void ownLedger(DynamicPropertyRegistry registry) {
        LedgerIT.register(registry, LedgerIT.newDataDirectory("ledger-merkle-attack-"));
        registry.add("ledger.sample.load", () -> "false");
        registry.add("ledger.merkle.build-interval", () -> "1h");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient appJdbc;
    @Autowired
    ProjectionProgress progress;
    JdbcClient superuser;
    Api api;
    String lineA;
    String lineB;
    long gap;
    JsonNode earlyHead;
    JsonNode head;
    List<Row> original;

    record Row(long position, String aggregate, long sequence, String type, String eventId, String timeStamp, String payloadType,
               String payloadRevision, byte[] payload, byte[] metaData) {
    }

    @BeforeAll
    void ledgerWithTwoSignedHeads() {
        superuser = DatabaseSuperuser.jdbc(context);
        api = new Api(port);
        lineA = api.post("/api/initiatives", line(2100, "1", "分類", "総務部", "監査対象A", 1_000_000), Map.of("X-Ledger-Actor", "tanaka")).text("id");
        lineB = api.post("/api/initiatives", line(2100, "2", "分類", "出納局", "監査対象B", 500_000), Map.of("X-Ledger-Actor", "tanaka")).text("id");
        api.post("/api/initiatives/" + lineA + "/amendments", "{\"newAmountYen\": 1200000, \"reason\": \"増額\"}", Map.of("X-Ledger-Actor", "suzuki"));
        earlyHead = signed();
        assertThat(earlyHead.get("treeSize").asLong()).isEqualTo(3);
        gap = superuser.sql("SELECT nextval(pg_get_serial_sequence('domainevententry', 'globalindex'))").query(Long.class).single();
        api.post("/api/initiatives/" + lineA + "/amendments", "{\"newAmountYen\": 1300000, \"reason\": \"再増額\"}", Map.of("X-Ledger-Actor", "suzuki"));
        long last = api.post("/api/initiatives/" + lineB + "/amendments", "{\"newAmountYen\": 600000, \"reason\": \"増額\"}",
                Map.of("X-Ledger-Actor", "suzuki")).number("position");
        assertThat(progress.awaitPosition(last, Duration.ofSeconds(30))).isTrue();
        head = signed();
        assertThat(head.get("treeSize").asLong()).isEqualTo(5);
        assertThat(head.get("lastPosition").asLong()).isEqualTo(last);
        original = rows();
        assertThat(original).extracting(Row::position).doesNotContain(gap).contains(gap - 1, gap + 1);
    }

    private JsonNode signed() {
        Api.Response response = api.post("/api/audit/tree-heads", "");
        assertThat(response.status()).isEqualTo(201);
        return response.body();
    }

    @AfterEach
    void restoreAndVerifyClean() {
        asIntruder(() -> {
            superuser.sql("DELETE FROM domainevententry").update();
            original.forEach(this::insert);
        });
        List<Long> positions = original.stream().map(Row::position).toList();
        appJdbc.sql("DELETE FROM audit_event WHERE position <> ALL (?)").param(positions.toArray(Long[]::new)).update();
        JsonNode report = verify(head);
        assertThat(report.get("problems")).as("restored store verifies clean").isEmpty();
        assertThat(report.at("/treeHead/matches").asBoolean()).isTrue();
    }

    private JsonNode verify(JsonNode treeHead) {
        Api.Response response = api.post("/api/audit/verify", "{\"treeHead\": " + treeHead + "}");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private List<Row> rows() {
        return superuser.sql("""
                        SELECT globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timeStamp, payloadType, payloadRevision,
                               payload, metaData FROM domainevententry ORDER BY globalIndex""")
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10)))
                .list();
    }

    private Row row(String aggregate, long sequence) {
        return original.stream().filter(r -> r.aggregate().equals(aggregate) && r.sequence() == sequence).findFirst().orElseThrow();
    }

    private void insert(Row row) {
        superuser.sql("""
                        INSERT INTO domainevententry (globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timeStamp,
                                                      payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.position(), row.aggregate(), row.sequence(), row.type(), row.eventId(), row.timeStamp(), row.payloadType(),
                        row.payloadRevision(), row.payload(), row.metaData())
                .update();
    }

    /** Runs the tampering as the database superuser with the append-only triggers switched off. */
    private void asIntruder(Runnable tampering) {
        superuser.sql("ALTER TABLE domainevententry DISABLE TRIGGER USER").update();
        try {
            tampering.run();
        } finally {
            superuser.sql("ALTER TABLE domainevententry ENABLE TRIGGER USER").update();
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The aggregate's events with every hash and previousHash recomputed from their (altered) contents, as an intruder would. */
    static List<Row> rehashed(List<Row> events) {
        List<Row> chain = new ArrayList<>();
        String previous = EventHashes.GENESIS;
        for (Row event : events) {
            Map<String, Object> metadata = new java.util.HashMap<>(EventHashes.parseMetadata(event.metaData()));
            metadata.put(MetadataKeys.PREVIOUS_HASH, previous);
            String canonical = EventHashes.canonicalMetadata(metadata);
            String hash = EventHashes.hash(new EventHashes.StoredEvent(event.aggregate(), event.sequence(), event.eventId(), event.timeStamp(),
                    event.payloadType(), event.payloadRevision(), event.payload(), metadata), canonical);
            chain.add(new Row(event.position(), event.aggregate(), event.sequence(), event.type(), event.eventId(), event.timeStamp(),
                    event.payloadType(), event.payloadRevision(), event.payload(), EventHashes.storedMetadata(canonical, hash)));
            previous = hash;
        }
        return chain;
    }

    /** Replaces the aggregate's stored events by {@code events} re-hashed. */
    private void rewriteChain(List<Row> events) {
        asIntruder(() -> rehashed(events).forEach(r -> superuser.sql("UPDATE domainevententry SET payload = ?, metaData = ? WHERE globalIndex = ?")
                .params(r.payload(), r.metaData(), r.position()).update()));
    }

    private List<Row> chainOf(String aggregate) {
        return rows().stream().filter(r -> r.aggregate().equals(aggregate)).toList();
    }

    private static Row withPayload(Row row, String payload) {
        return new Row(row.position(), row.aggregate(), row.sequence(), row.type(), row.eventId(), row.timeStamp(), row.payloadType(),
                row.payloadRevision(), payload.getBytes(StandardCharsets.UTF_8), row.metaData());
    }

    private static Row withMetadata(Row row, String metadata) {
        return new Row(row.position(), row.aggregate(), row.sequence(), row.type(), row.eventId(), row.timeStamp(), row.payloadType(),
                row.payloadRevision(), row.payload(), metadata.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode firstAgainstHead(JsonNode report, long position, String kind) {
        assertThat(report.get("verified").asBoolean()).isFalse();
        JsonNode problem = report.at("/treeHead/firstProblem");
        assertThat(report.at("/treeHead/signatureValid").asBoolean()).isTrue();
        assertThat(report.at("/treeHead/matches").asBoolean()).isFalse();
        assertThat(problem.get("position").asLong()).as(problem.toString()).isEqualTo(position);
        assertThat(problem.get("kind").asText()).as(problem.toString()).isEqualTo(kind);
        assertThat(report.at("/firstProblem/position").asLong()).isEqualTo(position);
        return problem;
    }

    @Test
    void anUntouchedStoreMatchesBothSignedHeads() {
        for (JsonNode signed : List.of(earlyHead, head)) {
            JsonNode report = verify(signed);
            assertThat(report.get("verified").asBoolean()).isTrue();
            assertThat(report.at("/treeHead/matches").asBoolean()).isTrue();
            assertThat(report.at("/treeHead/actualRoot").asText()).isEqualTo(signed.get("rootHash").asText());
        }
    }

    @Test
    void aPayloadEditedWithEveryHashRecomputedIsNamed() {
        Row edited = row(lineA, 1);
        List<Row> chain = new ArrayList<>(chainOf(lineA));
        chain.set(1, withPayload(edited, text(edited.payload()).replace("1200000", "1900000")));
        assertThat(chain.get(1).payload()).isNotEqualTo(edited.payload());
        rewriteChain(chain);

        JsonNode problem = firstAgainstHead(verify(head), edited.position(), "altered");
        assertThat(problem.get("eventId").asText()).isEqualTo(edited.eventId());
        assertThat(verify(earlyHead).at("/treeHead/firstProblem/position").asLong()).isEqualTo(edited.position());
    }

    @Test
    void anActorChangedWithEveryHashRecomputedIsNamed() {
        Row edited = row(lineA, 2);
        List<Row> chain = new ArrayList<>(chainOf(lineA));
        chain.set(2, withMetadata(edited, text(edited.metaData()).replace("\"actor\":\"suzuki\"", "\"actor\":\"mallory\"")));
        assertThat(text(chain.get(2).metaData())).contains("mallory");
        rewriteChain(chain);

        firstAgainstHead(verify(head), edited.position(), "altered");
        assertThat(verify(earlyHead).at("/treeHead/matches").asBoolean()).as("the early head covers only events before it").isTrue();
    }

    @Test
    void aDeletedMiddleEventIsNamed() {
        Row deleted = row(lineA, 1);
        asIntruder(() -> superuser.sql("DELETE FROM domainevententry WHERE globalIndex = ?").param(deleted.position()).update());
        rewriteChain(chainOf(lineA));

        firstAgainstHead(verify(head), deleted.position(), "missing");
    }

    @Test
    void aDeletedLastEventIsNamed() {
        Row last = original.get(original.size() - 1);
        assertThat(last.position()).isEqualTo(head.get("lastPosition").asLong());
        asIntruder(() -> superuser.sql("DELETE FROM domainevententry WHERE globalIndex = ?").param(last.position()).update());

        firstAgainstHead(verify(head), last.position(), "truncated");
    }

    @Test
    void twoEventsWithTheirContentsSwappedAreNamed() {
        Row first = row(lineA, 1);
        Row second = row(lineA, 2);
        asIntruder(() -> {
            superuser.sql("UPDATE domainevententry SET payload = ?, metaData = ? WHERE globalIndex = ?")
                    .params(second.payload(), second.metaData(), first.position()).update();
            superuser.sql("UPDATE domainevententry SET payload = ?, metaData = ? WHERE globalIndex = ?")
                    .params(first.payload(), first.metaData(), second.position()).update();
        });

        firstAgainstHead(verify(head), first.position(), "altered");
    }

    /** A forged event of a line of its own, hashed as the ledger would, at {@code position}. */
    private Row forged(long position) {
        Row model = row(lineB, 0);
        Row forged = new Row(position, UUID.randomUUID().toString(), 0, model.type(), UUID.randomUUID().toString(), model.timeStamp(),
                model.payloadType(), model.payloadRevision(), text(model.payload()).replace(lineB, "forged").getBytes(StandardCharsets.UTF_8),
                model.metaData());
        return rehashed(List.of(forged)).get(0);
    }

    @Test
    void aForgedEventInAGapBelowTheTreesLastIsNamed() {
        Row forged = forged(gap);
        asIntruder(() -> insert(forged));

        JsonNode problem = firstAgainstHead(verify(head), gap, "inserted");
        assertThat(problem.get("eventId").asText()).isEqualTo(forged.eventId());
        assertThat(verify(earlyHead).at("/treeHead/matches").asBoolean()).isTrue();
        awaitAuditLogOf(gap);
    }

    @Test
    void aForgedEventAboveTheTreesLastIsNamed() {
        long position = original.get(original.size() - 1).position() + 1;
        asIntruder(() -> insert(forged(position)));

        JsonNode report = verify(head);
        assertThat(report.get("verified").asBoolean()).isFalse();
        assertThat(report.at("/treeHead/matches").asBoolean()).as("the signed head covers only the events before it").isTrue();
        assertThat(report.at("/firstProblem/position").asLong()).isEqualTo(position);
        assertThat(report.get("problems")).anySatisfy(p -> {
            assertThat(p.get("position").asLong()).isEqualTo(position);
            assertThat(p.get("kind").asText()).isEqualTo("inserted");
        });
        awaitAuditLogOf(position);
    }

    /** The audit log may record a forged event; wait until it has, so that restoring removes its entry too. */
    private void awaitAuditLogOf(long position) {
        progress.awaitPosition(ProjectionNames.AUDIT_LOG, position, Duration.ofSeconds(10));
    }

    @Test
    void aTableTruncatedAndRefilledWithReHashedAlteredRowsIsNamed() {
        Row altered = row(lineA, 2);
        List<Row> refill = new ArrayList<>(original);
        List<Row> chain = new ArrayList<>(original.stream().filter(r -> r.aggregate().equals(lineA)).toList());
        chain.set(2, withPayload(altered, text(altered.payload()).replace("1300000", "1310000")));
        List<Row> rehashed = rehashed(chain);
        refill.replaceAll(r -> rehashed.stream().filter(c -> c.position() == r.position()).findFirst().orElse(r));
        asIntruder(() -> {
            superuser.sql("TRUNCATE domainevententry").update();
            refill.forEach(this::insert);
        });

        firstAgainstHead(verify(head), altered.position(), "altered");
    }

    @Test
    void anAlteredRecordOfLeavesIsBoundedByTheLedgersOwnSignedHeads() {
        Row edited = row(lineB, 1);
        List<Row> chain = new ArrayList<>(chainOf(lineB));
        chain.set(1, withPayload(edited, text(edited.payload()).replace("600000", "650000")));
        rewriteChain(chain);
        byte[] recorded = superuser.sql("SELECT hash FROM merkle_leaf WHERE position = ?").param(edited.position()).query(byte[].class).single();
        Row now = rows().stream().filter(r -> r.position() == edited.position()).findFirst().orElseThrow();
        byte[] forgedLeaf = new jp.budgetledger.verifier.EventLeaf(now.position(), now.aggregate(), now.sequence(), now.type(), now.eventId(),
                now.timeStamp(), now.payloadType(), now.payloadRevision(), now.payload(), now.metaData()).hash();
        superuser.sql("UPDATE merkle_leaf SET hash = ? WHERE position = ?").params(forgedLeaf, edited.position()).update();
        try {
            JsonNode problem = firstAgainstHead(verify(head), earlyHead.get("lastPosition").asLong() + 1, "root-mismatch");
            assertThat(problem.get("detail").asText()).contains((earlyHead.get("lastPosition").asLong() + 1) + ".." + head.get("lastPosition").asLong());
        } finally {
            superuser.sql("UPDATE merkle_leaf SET hash = ? WHERE position = ?").params(recorded, edited.position()).update();
        }
    }

    @Test
    void aTreeHeadWhoseFieldsWereChangedFailsItsSignature() throws Exception {
        var changed = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(head.toString());
        changed.put("treeSize", 4);
        JsonNode report = verify(changed);
        assertThat(report.get("verified").asBoolean()).isFalse();
        assertThat(report.at("/treeHead/signatureValid").asBoolean()).isFalse();
        assertThat(report.at("/firstProblem/kind").asText()).isEqualTo("tree-head-signature");
    }
}
