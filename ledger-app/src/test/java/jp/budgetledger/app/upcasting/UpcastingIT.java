package jp.budgetledger.app.upcasting;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.eventstore.EventHashes;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revision-1 InitiativeWithdrawn, stored as the ledger wrote it before withdrawals had a kind
 * (correctly chained and hashed), still loads into the aggregate, feeds the projections, replays
 * and verifies, read as revision 2 with kind ABOLISHED.
 */
class UpcastingIT extends LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void storedRevisionOneWithdrawalsStillLoadReplayAndVerify() throws Exception {
        Api api = new Api(port);
        Api.Response added = api.post("/api/initiatives", line(2089, "1", "分類1", "総務部", "旧形式で廃止", 1_000));
        String id = added.text("id");
        String previous = jdbc.sql("SELECT convert_from(metaData, 'UTF8')::jsonb ->> 'hash' FROM domainevententry WHERE aggregateIdentifier = ?")
                .param(id).query(String.class).single();
        String timeStamp = DateTimeUtils.formatInstant(Instant.now());
        String eventId = UUID.randomUUID().toString();
        String payload = "{\"initiativeId\":\"" + id + "\",\"fiscalYear\":2089,\"category\":{\"code\":\"1\",\"name\":\"分類1\"},"
                + "\"department\":\"総務部\",\"amountBefore\":1000,\"change\":{\"effectiveDate\":\"2089-10-01\",\"reason\":\"廃止\",\"reference\":null}}";
        Map<String, Object> metadata = new LinkedHashMap<>(Map.of("actor", "legacy-officer", "correlationId", "c-1", "causationId", "x-1",
                "requestId", "r-1", "recordedAt", timeStamp, "effectiveDate", "2089-10-01", "reason", "廃止", "previousHash", previous));
        String type = "jp.budgetledger.core.api.InitiativeWithdrawn";
        metadata.put("hash", EventHashes.hash(new EventHashes.StoredEvent(id, 1, eventId, timeStamp, type, "1",
                payload.getBytes(StandardCharsets.UTF_8), metadata)));
        long position = jdbc.sql("""
                        INSERT INTO domainevententry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload,
                                                      payloadRevision, payloadType, timeStamp)
                        VALUES (?, 1, 'Initiative', ?, ?, ?, '1', ?, ?) RETURNING globalIndex""")
                .params(id, eventId, new ObjectMapper().writeValueAsBytes(metadata), payload.getBytes(StandardCharsets.UTF_8), type, timeStamp)
                .query(Long.class).single();

        var view = api.get("/api/initiatives/" + id + "?minPosition=" + position).body();
        assertThat(view.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(view.get("amountYen").asLong()).isZero();
        var history = api.get("/api/initiatives/" + id + "/history").body();
        assertThat(history.get(1).get("type").asText()).isEqualTo("InitiativeWithdrawn");
        assertThat(history.get(1).at("/changes/kind").asText()).isEqualTo("ABOLISHED");
        assertThat(history.get(1).get("actor").asText()).isEqualTo("legacy-officer");

        Api.Response amend = api.post("/api/initiatives/" + id + "/amendments", "{\"deltaYen\": 1, \"reason\": \"増額\"}");
        assertThat(amend.status()).isEqualTo(409);
        assertThat(amend.body().get("rule").asText()).isEqualTo("line-withdrawn");

        Api.Response replay = api.post("/api/audit/replays", "{\"fiscalYear\": 2089, \"effectiveOn\": \"2089-10-02\"}");
        assertThat(replay.body().get("matches").asBoolean()).as(replay.raw()).isTrue();
        assertThat(replay.body().at("/replay/initiativeCount").asInt()).isZero();
        Api.Response verify = api.post("/api/audit/verify", "{}");
        assertThat(verify.body().get("verified").asBoolean()).as(verify.raw()).isTrue();
    }
}
