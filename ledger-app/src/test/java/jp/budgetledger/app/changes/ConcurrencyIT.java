package jp.budgetledger.app.changes;

import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent writes on one line never lose an update: stale versions get 412, and the result is exactly the accepted changes. */
class ConcurrencyIT extends LedgerIT {

    @LocalServerPort
    int port;

    @Test
    void twentyThreadsAmendingOneLineWithIfMatchEndWithExactlyTheSumOfTheAcceptedOnes() throws Exception {
        Api api = new Api(port);
        String id = api.post("/api/initiatives", line(2090, "1", "分類", "総務部", "同時更新", 1_000_000)).text("id");
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        List<Integer> otherStatuses = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Void>> calls = new ArrayList<>();
            for (int t = 0; t < 20; t++) {
                calls.add(() -> {
                    for (int attempt = 0; attempt < 40; attempt++) {
                        long version = api.get("/api/initiatives/" + id + "/history").body().size() - 1;
                        Api.Response response = api.post("/api/initiatives/" + id + "/amendments", "{\"deltaYen\": 1000, \"reason\": \"同時\"}",
                                Map.of("X-Ledger-Actor", "thread", "If-Match", "\"" + version + "\""));
                        if (response.status() == 200) {
                            accepted.incrementAndGet();
                            return null;
                        }
                        if (response.status() == 412 || response.status() == 409) {
                            rejected.incrementAndGet();
                        } else {
                            otherStatuses.add(response.status());
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(otherStatuses).isEmpty();
        assertThat(accepted.get()).isEqualTo(20);
        assertThat(rejected.get()).as("stale versions were rejected, not merged").isPositive();
        long position = api.get("/api/initiatives/" + id + "/history").body().get(20).get("position").asLong();
        assertThat(api.get("/api/initiatives/" + id + "?minPosition=" + position).number("amountYen"))
                .isEqualTo(1_000_000 + 1_000L * accepted.get());
        assertThat(api.get("/api/initiatives/" + id + "/history").body()).hasSize(1 + accepted.get());
    }

    /**
     * Twenty writers each add their own difference (1,000 + n yen, so that every change can be told
     * apart) without If-Match; one that is told the line changed at the same time (409) retries.
     * Every writer ends accepted, each difference is in the history exactly once, and the amount is
     * their sum.
     */
    @Test
    void concurrentAmendmentsWithoutIfMatchAreAllAppliedNoneLost() throws Exception {
        Api api = new Api(port);
        String id = api.post("/api/initiatives", line(2091, "1", "分類", "総務部", "同時更新2", 0)).text("id");
        int writers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Integer> otherStatuses = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger conflicts = new AtomicInteger();
        List<Long> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Callable<Void>> calls = new ArrayList<>();
            for (int t = 0; t < writers; t++) {
                long delta = 1_000 + t;
                calls.add(() -> {
                    for (int attempt = 0; attempt < 50; attempt++) {
                        Api.Response response = api.post("/api/initiatives/" + id + "/amendments",
                                "{\"deltaYen\": " + delta + ", \"reason\": \"同時" + delta + "\"}");
                        if (response.status() == 200) {
                            accepted.add(delta);
                            return null;
                        }
                        if (response.status() == 409) {
                            conflicts.incrementAndGet();
                        } else {
                            otherStatuses.add(response.status());
                            return null;
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(otherStatuses).as("statuses other than 200 and 409").isEmpty();
        assertThat(accepted).as("every writer's change was accepted, after retrying on 409 (%d conflicts)", conflicts.get())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.range(1_000, 1_000 + writers).boxed().toList());
        var history = api.get("/api/initiatives/" + id + "/history").body();
        assertThat(history).hasSize(1 + writers);
        List<String> reasons = new ArrayList<>();
        List<Long> differences = new ArrayList<>();
        for (int i = 1; i < history.size(); i++) {
            reasons.add(history.get(i).get("reason").asText());
            differences.add(history.get(i).get("amountAfterYen").asLong() - history.get(i).get("amountBeforeYen").asLong());
        }
        assertThat(differences).as("each change applied exactly once").containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(reasons).as("each change applied exactly once")
                .containsExactlyInAnyOrderElementsOf(accepted.stream().map(d -> "同時" + d).toList());
        long position = history.get(history.size() - 1).get("position").asLong();
        assertThat(api.get("/api/initiatives/" + id + "?minPosition=" + position).number("amountYen"))
                .isEqualTo(accepted.stream().mapToLong(Long::longValue).sum());
    }
}
