package jp.budgetledger.app.cluster;

import jp.budgetledger.app.Api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntFunction;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers that, until stopped, each add a line of {@code fiscalYear} named {@code prefix + n} (n unique over the load) and
 * then amend one of the shared lines, each request to the node {@code targets} gives for the writer; a write counts as
 * acknowledged when its node answered it as done (201, 200). An amendment may be refused as conflicting (409).
 * <p>
 * Without {@code idempotent}, a write whose node is gone is dropped unacknowledged. With it, every write carries an
 * {@code Idempotency-Key} ({@code prefix + n}, an amendment's reason is that key too) and is sent again, with the same
 * key, to the node {@code targets} gives next until some node answers it; a 409 not replayed from the key is sent again
 * too (the first attempt may still be committing), and any server error is kept in {@link #serverErrors()}.
 */
final class WriteLoad {

    private final int fiscalYear;
    private final String prefix;
    private final List<String> shared;
    private final IntFunction<Api> targets;
    private final boolean idempotent;
    private final long paceNanos;
    private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final Map<String, String> acknowledgedLines = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> acknowledgedAmendments = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sharedAccepted = new AtomicInteger();
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);
    private final ExecutorService pool;
    private final List<Future<?>> writers = new ArrayList<>();

    WriteLoad(int fiscalYear, String prefix, List<String> shared, int writerCount, IntFunction<Api> targets, boolean idempotent) {
        this(fiscalYear, prefix, shared, writerCount, targets, idempotent, Duration.ZERO);
    }

    /** Each writer waits {@code pace} after each of its writes: a load of at most {@code writerCount / pace} writes a second. */
    WriteLoad(int fiscalYear, String prefix, List<String> shared, int writerCount, IntFunction<Api> targets, boolean idempotent, Duration pace) {
        this.fiscalYear = fiscalYear;
        this.prefix = prefix;
        this.shared = List.copyOf(shared);
        this.targets = targets;
        this.idempotent = idempotent;
        this.paceNanos = pace.toNanos();
        this.pool = Executors.newFixedThreadPool(writerCount);
        for (int t = 0; t < writerCount; t++) {
            int writer = t;
            writers.add(pool.submit(() -> {
                while (running.get()) {
                    gate.readLock().lock();
                    try {
                        if (running.get()) {
                            write(writer);
                        }
                    } finally {
                        gate.readLock().unlock();
                    }
                    if (paceNanos > 0) {
                        LockSupport.parkNanos(paceNanos);
                    }
                }
                return null;
            }));
        }
    }

    private void write(int writer) {
        try {
            int n = counter.incrementAndGet();
            String name = prefix + n;
            send(writer, "/api/initiatives", line(fiscalYear, Integer.toString(1 + n % 3), "分類", n % 2 == 0 ? "総務部" : "出納局", name, 1_000L * n),
                    name + "-add").ifPresent(added -> {
                if (added.status() == 201) {
                    acknowledged.add(added.text("id"));
                    acknowledgedLines.put(name, added.text("id"));
                }
            });
            String amendment = name + "-amend";
            String reason = idempotent ? amendment : "同時";
            send(writer, "/api/initiatives/" + shared.get(n % shared.size()) + "/amendments",
                    "{\"deltaYen\": " + (idempotent ? 1 + n % 7 : 1) + ", \"reason\": \"" + reason + "\"}", amendment).ifPresent(amended -> {
                if (amended.status() == 200) {
                    sharedAccepted.incrementAndGet();
                    acknowledgedAmendments.add(amendment);
                } else {
                    assertThat(amended.status()).as(amended.raw()).isIn(409);
                }
            });
        } catch (RuntimeException nodeGone) {
            // without idempotency keys, the killed node's callers fail; their writes were not acknowledged
        }
    }

    private Optional<Api.Response> send(int writer, String path, String json, String key) {
        if (!idempotent) {
            return Optional.of(targets.apply(writer).post(path, json));
        }
        while (true) {
            try {
                Api.Response response = targets.apply(writer).post(path, json, Map.of("Idempotency-Key", key));
                if (response.status() >= 500) {
                    serverErrors.add(key + ": " + response.status() + " " + response.raw());
                    return Optional.empty();
                }
                if (response.status() != 409 || response.headers().firstValue("Idempotent-Replayed").isPresent()) {
                    return Optional.of(response);
                }
            } catch (RuntimeException nodeGone) {
                // the node died under the request, which may or may not have been done: the same key again, elsewhere
            }
        }
    }

    /** Lets the writers finish the writes they are in and holds them until {@link #resume()}. */
    void pause() {
        gate.writeLock().lock();
    }

    void resume() {
        gate.writeLock().unlock();
    }

    /** Stops the writers once their writes in progress are answered, failing with the first writer that failed. */
    void stop() throws Exception {
        running.set(false);
        try {
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The ids of the lines added and acknowledged. */
    ConcurrentLinkedQueue<String> acknowledged() {
        return acknowledged;
    }

    /** The acknowledged lines' names and ids. */
    Map<String, String> acknowledgedLines() {
        return Map.copyOf(acknowledgedLines);
    }

    /** The idempotency keys of the acknowledged amendments (each amendment's reason). */
    List<String> acknowledgedAmendments() {
        return List.copyOf(acknowledgedAmendments);
    }

    int sharedAccepted() {
        return sharedAccepted.get();
    }

    /** How many writes were acknowledged so far, lines and amendments. */
    int acknowledgedWrites() {
        return acknowledged.size() + sharedAccepted.get();
    }

    List<String> serverErrors() {
        return List.copyOf(serverErrors);
    }
}
