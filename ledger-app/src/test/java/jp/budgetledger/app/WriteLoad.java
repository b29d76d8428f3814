package jp.budgetledger.app;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients adding lines as fast as the service answers, as a careful client does through a fault:
 * each line has its own {@code Idempotency-Key}, and a {@code 503} (or a {@code 409} for a key whose
 * first attempt is still running) is sent again with the same key after a short pause until it is
 * answered {@code 201}. Anything else is a violation. {@link #stop()} lets each client finish its
 * line, so every line a client began ends acknowledged. Over nodes that may be killed
 * ({@link #overLiveNodes}), each attempt goes to a node then up, and an attempt cut off without an
 * answer is sent again, with the same key, like a {@code 503}.
 */
public final class WriteLoad implements AutoCloseable {

    /** One answer the load got: its status and how long it took. */
    public record Answer(int status, Duration took, String problemType, boolean retryAfter) {
    }

    private final int fiscalYear;
    private final String prefix;
    private final ExecutorService pool;
    private final List<Future<?>> clients = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger counter = new AtomicInteger();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    private final AtomicLong slowestNanos = new AtomicLong();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final boolean nodesMayDie;

    /** Starts {@code clients} clients adding lines named {@code prefix-n} in {@code fiscalYear}, spread over {@code apis}. */
    public WriteLoad(List<Api> apis, int clients, int fiscalYear, String prefix) {
        this(clients, fiscalYear, prefix, false, c -> {
            Api api = apis.get(c % apis.size());
            return () -> api;
        });
    }

    private WriteLoad(int clients, int fiscalYear, String prefix, boolean nodesMayDie, Function<Integer, Supplier<Api>> apis) {
        this.fiscalYear = fiscalYear;
        this.prefix = prefix;
        this.nodesMayDie = nodesMayDie;
        this.pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            Supplier<Api> api = apis.apply(c);
            this.clients.add(pool.submit(() -> run(api)));
        }
    }

    /** Starts {@code clients} clients sending each attempt to the node {@code live} gives, where nodes may be killed. */
    public static WriteLoad overLiveNodes(Supplier<Api> live, int clients, int fiscalYear, String prefix) {
        return new WriteLoad(clients, fiscalYear, prefix, true, c -> live);
    }

    private void run(Supplier<Api> api) {
        while (running.get()) {
            int n = counter.incrementAndGet();
            String name = prefix + "-" + n;
            String key = UUID.randomUUID().toString();
            String body = line(fiscalYear, Integer.toString(1 + n % 3), "分類", n % 2 == 0 ? "総務部" : "出納局", name, 1_000L * (1 + n % 7));
            while (true) {
                long started = System.nanoTime();
                Api.Response response;
                try {
                    response = api.get().post("/api/initiatives", body, Map.of("Idempotency-Key", key));
                } catch (RuntimeException e) {
                    if (nodesMayDie) {
                        unanswered.incrementAndGet();
                    } else {
                        violations.add(name + ": no answer: " + e);
                    }
                    pause();
                    continue;
                }
                long took = System.nanoTime() - started;
                slowestNanos.accumulateAndGet(took, Math::max);
                boolean problem = response.contentType().startsWith("application/problem+json");
                answers.add(new Answer(response.status(), Duration.ofNanos(took), problem ? response.text("type") : null,
                        response.headers().firstValue("Retry-After").isPresent()));
                if (response.status() == 201) {
                    acknowledged.add(name);
                    break;
                }
                boolean retryable = problem && (response.status() == 503 && response.headers().firstValue("Retry-After").isPresent()
                        || response.status() == 409 && response.text("type").endsWith("/idempotency-key-in-flight"));
                if (!retryable) {
                    violations.add(name + ": " + response.status() + " " + response.contentType() + " " + response.raw());
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Lines answered 201 so far. */
    public int acknowledged() {
        return acknowledged.size();
    }

    /** Answers with {@code status} so far. */
    public long answered(int status) {
        return answers.stream().filter(a -> a.status() == status).count();
    }

    /** Attempts cut off without an answer (by a node's death) so far. */
    public int unanswered() {
        return unanswered.get();
    }

    /** Every answer so far, in no particular order. */
    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** The slowest answer so far. */
    public Duration slowest() {
        return Duration.ofNanos(slowestNanos.get());
    }

    /** Lets every client finish the line it is on (until it is acknowledged) and stops; returns the acknowledged lines. */
    public Set<String> stop() throws Exception {
        running.set(false);
        for (Future<?> client : clients) {
            client.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(violations).as("answers other than 201, or 503/409 to retry with Retry-After").isEmpty();
        return Set.copyOf(acknowledged);
    }

    /**
     * Every line this load acknowledged is in {@code store} exactly once, and the store holds no
     * other line of this load (every line a client began was acknowledged in the end).
     */
    public void assertEachAcknowledgedLineStoredOnce(JdbcClient store, Set<String> acknowledged) {
        Map<String, Long> stored = store.sql("""
                        SELECT convert_from(payload, 'UTF8')::jsonb ->> 'name' AS name FROM domainevententry
                        WHERE payloadType LIKE '%InitiativeAdded' AND convert_from(payload, 'UTF8')::jsonb ->> 'name' LIKE ?""")
                .param(prefix + "-%").query(String.class).list().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(stored.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey).toList())
                .as("lines stored more than once").isEmpty();
        assertThat(stored.keySet()).as("stored lines of this load").containsExactlyInAnyOrderElementsOf(acknowledged);
    }

    @Override
    public void close() {
        running.set(false);
        pool.shutdownNow();
    }
}
