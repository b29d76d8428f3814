package jp.budgetledger.app.changes;

import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/** Every POST accepts Idempotency-Key: a retry gets the first answer and records nothing new. */
class IdempotencyIT extends LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    @Test
    void theSameRequestSentTwiceWithOneKeyRecordsOnceAndGetsTheSameAnswer() {
        Api api = new Api(port);
        Map<String, String> headers = Map.of("X-Ledger-Actor", "officer", "Idempotency-Key", "add-2092-1");
        String body = line(2092, "1", "分類", "総務部", "冪等", 5_000);
        Api.Response first = api.post("/api/initiatives", body, headers);
        long after = events();
        Api.Response retry = api.post("/api/initiatives", body, headers);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.raw()).isEqualTo(first.raw());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(events()).isEqualTo(after);

        Api.Response different = api.post("/api/initiatives", body.replace("5000", "6000"), headers);
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.body().at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
        assertThat(events()).isEqualTo(after);
    }

    @Test
    void aRejectedRequestIsAnsweredTheSameOnRetryAndAnAmendmentRetriedConcurrentlyIsRecordedOnce() throws Exception {
        Api api = new Api(port);
        Api.Response bad = api.post("/api/initiatives", "{\"fiscalYear\": 2093}", Map.of("X-Ledger-Actor", "o", "Idempotency-Key", "bad-1"));
        Api.Response badAgain = api.post("/api/initiatives", "{\"fiscalYear\": 2093}", Map.of("X-Ledger-Actor", "o", "Idempotency-Key", "bad-1"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(badAgain.status()).isEqualTo(400);
        assertThat(badAgain.raw()).isEqualTo(bad.raw());

        String id = api.post("/api/initiatives", line(2093, "1", "分類", "総務部", "冪等2", 1_000)).text("id");
        long before = events();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Integer> amend = () -> api.post("/api/initiatives/" + id + "/amendments", "{\"deltaYen\": 500, \"reason\": \"再送\"}",
                    Map.of("X-Ledger-Actor", "o", "Idempotency-Key", "amend-2093")).status();
            var results = pool.invokeAll(java.util.List.of(amend, amend, amend, amend));
            for (var r : results) {
                assertThat(r.get()).isIn(200, 409);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(events()).isEqualTo(before + 1);
        Api.Response later = api.post("/api/initiatives/" + id + "/amendments", "{\"deltaYen\": 500, \"reason\": \"再送\"}",
                Map.of("X-Ledger-Actor", "o", "Idempotency-Key", "amend-2093"));
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.number("amountYen")).isEqualTo(1_500);
        assertThat(events()).isEqualTo(before + 1);
    }
}
