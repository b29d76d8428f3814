package jp.budgetledger.app.command;

import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.audit.StoreVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/** The position a write answers with is where its event was stored, and the chain of hashes stays whole. */
class WritePositionsIT extends LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StoreVerifier verifier;

    @Test
    void everyWriteAnswersWithThePositionOfItsOwnEvent() {
        Api api = new Api(port);
        Api.Response first = api.post("/api/initiatives", line(2073, "1", "分類1", "総務部", "位置1", 10_000));
        Api.Response second = api.post("/api/initiatives", line(2073, "1", "分類1", "総務部", "位置2", 10_000));
        String a = first.text("id");
        String b = second.text("id");
        assertThat(first.number("position")).isEqualTo(stored(a, 0));
        assertThat(second.number("position")).isEqualTo(stored(b, 0));
        for (int i = 1; i <= 5; i++) {
            Api.Response amended = api.post("/api/initiatives/" + a + "/amendments", "{\"deltaYen\": " + i + ", \"reason\": \"補正\"}");
            assertThat(amended.status()).isEqualTo(200);
            assertThat(amended.number("position")).isEqualTo(stored(a, i));
        }
        Api.Response transfer = api.post("/api/transfers", "{\"fromId\": \"" + a + "\", \"toId\": \"" + b
                + "\", \"amountYen\": 500, \"reason\": \"流用\"}");
        assertThat(transfer.status()).isEqualTo(201);
        long transferPosition = jdbc.sql("""
                        SELECT globalIndex FROM domainevententry WHERE aggregateIdentifier = ? AND sequenceNumber = 0""")
                .param(transfer.text("id")).query(Long.class).single();
        assertThat(transfer.number("position")).isEqualTo(transferPosition);
        Api.Response after = api.post("/api/initiatives/" + b + "/amendments", "{\"deltaYen\": 7, \"reason\": \"補正\"}");
        assertThat(after.number("position")).isEqualTo(stored(b, after.number("version")));

        assertThat(verifier.verify(null).verified()).isTrue();
    }

    private long stored(String aggregateId, long sequence) {
        return jdbc.sql("SELECT globalIndex FROM domainevententry WHERE aggregateIdentifier = ? AND sequenceNumber = ?")
                .params(aggregateId, sequence).query(Long.class).single();
    }
}
