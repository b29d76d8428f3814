package jp.budgetledger.app.changes;

import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.idempotency.IdempotencyKeys;
import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
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
    @Autowired
    IdempotencyKeys keys;
    @Autowired
    LedgerCommands commands;
    @Autowired
    TransactionTemplate transactions;

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

    private long keyRows(String user, String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_key WHERE username = ? AND idempotency_key = ?").params(user, key)
                .query(Long.class).single();
    }

    @Test
    void theSameKeyFromTwoUsersIsTwoKeys() {
        String body = line(2116, "1", "分類", "総務部", "利用者ごとの鍵", 1_000);
        Api.Response tanaka = new Api(port).as("tanaka").post("/api/initiatives", body, Map.of("Idempotency-Key", "per-user-2116"));
        Api.Response suzuki = new Api(port).as("suzuki").post("/api/initiatives",
                body.replace("利用者ごとの鍵", "利用者ごとの鍵2"), Map.of("Idempotency-Key", "per-user-2116"));
        assertThat(tanaka.status()).as(tanaka.raw()).isEqualTo(201);
        assertThat(suzuki.status()).as("not another request with tanaka's key: " + suzuki.raw()).isEqualTo(201);
        assertThat(suzuki.text("id")).isNotEqualTo(tanaka.text("id"));
        Api.Response retry = new Api(port).as("tanaka").post("/api/initiatives", body, Map.of("Idempotency-Key", "per-user-2116"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.text("id")).isEqualTo(tanaka.text("id"));
        assertThat(keyRows("tanaka", "per-user-2116")).isEqualTo(1);
        assertThat(keyRows("suzuki", "per-user-2116")).isEqualTo(1);
    }

    @Test
    void aRetryAfterTheResponseWasLostIsAnsweredFromTheCommittedOutcomeWithoutApplyingTwice() {
        Api api = new Api(port).as("tanaka");
        String to = api.post("/api/initiatives", line(2116, "1", "分類", "総務部", "流用先", 1_000)).text("id");
        String addition = line(2116, "1", "分類", "総務部", "応答の消失", 1_000);
        Api.Response added = api.post("/api/initiatives", addition, Map.of("Idempotency-Key", "lost-add-2116"));
        assertThat(added.status()).isEqualTo(201);
        String id = added.text("id");
        List<String[]> requests = List.of(new String[]{"/api/initiatives", addition, "lost-add-2116"},
                new String[]{"/api/initiatives/" + id + "/amendments", "{\"deltaYen\": 250, \"reason\": \"増額\"}", "lost-amend-2116"},
                new String[]{"/api/transfers", "{\"fromId\": \"" + id + "\", \"toId\": \"" + to + "\", \"amountYen\": 50, \"reason\": \"流用\"}",
                        "lost-transfer-2116"});
        List<Api.Response> firsts = new ArrayList<>(List.of(added));
        for (String[] request : requests.subList(1, requests.size())) {
            Api.Response first = api.post(request[0], request[1], Map.of("Idempotency-Key", request[2]));
            assertThat(first.status()).as(first.raw()).isIn(200, 201);
            firsts.add(first);
        }
        long after = events();
        int lost = jdbc.sql("""
                UPDATE idempotency_key SET status = NULL, content_type = NULL, location = NULL, body = NULL, completed_at = NULL
                WHERE username = 'tanaka' AND idempotency_key IN ('lost-add-2116', 'lost-amend-2116', 'lost-transfer-2116')""").update();
        assertThat(lost).as("the crash: every command committed, no response was kept").isEqualTo(3);

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < requests.size(); i++) {
                String[] request = requests.get(i);
                Api.Response retry = api.post(request[0], request[1], Map.of("Idempotency-Key", request[2]));
                assertThat(retry.status()).as(request[2] + ": " + retry.raw()).isEqualTo(firsts.get(i).status());
                assertThat(retry.raw()).as("the same ids, versions and positions").isEqualTo(firsts.get(i).raw());
                assertThat(retry.headers().firstValue("Location")).isEqualTo(firsts.get(i).headers().firstValue("Location"));
                if (round == 1) {
                    assertThat(retry.headers().firstValue("Idempotent-Replayed")).as("the recovered response is kept").contains("true");
                }
            }
        }
        assertThat(events()).as("no command applied twice").isEqualTo(after);
        assertThat(new Api(port).get("/api/initiatives/" + id + "?minPosition=" + firsts.get(2).number("position"))
                .number("amountYen")).isEqualTo(1_200);
    }

    @Test
    void theKeysRowIsWrittenInTheCommandsTransactionSoARollbackLeavesTheKeyFree() throws Exception {
        String body = line(2117, "1", "分類", "総務部", "巻き戻し", 1_000);
        long before = events();
        AddInitiative add = new AddInitiative(InitiativeId.generate(), FiscalYear.of(2117), new Category("1", "分類"),
                Department.of("総務部"), "巻き戻し", Money.ofYen(1_000), null, ChangeContext.of("当初予算"));
        keys.serve("tanaka", "rolled-back-2117", "hash-of-another-attempt", null, served -> transactions.execute(status -> {
            commands.add(add, new Requester("tanaka", "rollback", "rollback"));
            assertThat(keyRows("tanaka", "rolled-back-2117")).as("written with the events, in their transaction").isEqualTo(1);
            assertThat(events()).isEqualTo(before + 1);
            status.setRollbackOnly();
            return null;
        }));
        assertThat(events()).isEqualTo(before);
        assertThat(keyRows("tanaka", "rolled-back-2117")).as("rolled back with the events").isZero();

        Api.Response retry = new Api(port).as("tanaka").post("/api/initiatives", body, Map.of("Idempotency-Key", "rolled-back-2117"));
        assertThat(retry.status()).as("the key is free: " + retry.raw()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void anExpiredKeyIsANewRequestAndExpiredKeysArePurged() {
        Api api = new Api(port).as("tanaka");
        String body = line(2117, "1", "分類", "総務部", "期限切れ", 1_000);
        Api.Response first = api.post("/api/initiatives", body, Map.of("Idempotency-Key", "expiring-2117"));
        assertThat(first.status()).isEqualTo(201);
        String age = "UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE username = 'tanaka' AND idempotency_key = ?";
        assertThat(jdbc.sql(age).param("expiring-2117").update()).isEqualTo(1);

        Api.Response later = api.post("/api/initiatives", body.replace("期限切れ", "期限切れ後"), Map.of("Idempotency-Key", "expiring-2117"));
        assertThat(later.status()).as("a new request, not another request with a kept key: " + later.raw()).isEqualTo(201);
        assertThat(later.text("id")).isNotEqualTo(first.text("id"));
        assertThat(keyRows("tanaka", "expiring-2117")).isEqualTo(1);

        assertThat(jdbc.sql(age).param("expiring-2117").update()).isEqualTo(1);
        assertThat(keys.purgeExpired()).isPositive();
        assertThat(keyRows("tanaka", "expiring-2117")).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_key WHERE created_at <= now() - interval '24 hours'")
                .query(Long.class).single()).isZero();
    }
}
