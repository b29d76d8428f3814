package jp.budgetledger.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.ExternalDatabaseRoles;
import jp.budgetledger.app.LedgerApplication;
import jp.budgetledger.app.TestUsers;
import jp.budgetledger.projections.ProjectionNames;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two ledger processes on one standalone PostgreSQL, on loopback ports: both take commands, the
 * projection segments are shared between them, one is killed with SIGKILL under load, and the
 * other takes over its segments; every acknowledged write is in the store, no update is lost,
 * the projections equal the fold of the events, no event is duplicated and verification is clean;
 * restarted, the killed node takes its share again and agrees with the fold.
 */
class ClusterIT {

    /**
     * A dead node is noticed, and its claims may be taken, after 4 s instead of 10 (a live node beats and renews its idle
     * claims every second), and the processors look for segments to claim or release every second instead of every 5.
     * The nodes' JVMs compile with C1 only, which starts them sooner.
     */
    private static final List<String> QUICK_TAKEOVER = quickTakeover();

    @TempDir
    Path dir;

    private static List<String> quickTakeover() {
        List<String> arguments = new ArrayList<>(List.of("--ledger.cluster.heartbeat=1s", "--ledger.cluster.node-timeout=4s",
                "--ledger.cluster.claim-extension=1s", "--axon.eventhandling.tokenstore.claim-timeout=4s"));
        ProjectionNames.ALL.forEach(name -> arguments.add("--axon.eventhandling.processors." + name + ".token-claim-interval=1000"));
        return List.copyOf(arguments);
    }

    private record Node(Process process, Api api) {
    }

    private Node start(EmbeddedPostgres postgres, String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LedgerApplication.class.getName(), "--server.port=" + port, "--ledger.sample.load=false",
                "--ledger.data-dir=" + dir.resolve(name)));
        command.addAll(ExternalDatabaseRoles.arguments(postgres));
        command.addAll(TestUsers.arguments());
        command.addAll(QUICK_TAKEOVER);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        Api api = new Api(port);
        await(Duration.ofSeconds(90), () -> health(api) != null, name + " started (see " + dir.resolve(name + ".log") + ")");
        return new Node(process, api);
    }

    private static JsonNode health(Api api) {
        try {
            Api.Response response = api.get("/actuator/health");
            return response.status() == 200 ? response.body() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int claimed(Api api, String processor) {
        JsonNode health = health(api);
        return health == null ? -1 : health.at("/components/eventProcessors/details/" + processor + "/segmentsClaimed").asInt(-1);
    }

    private static void await(Duration limit, java.util.concurrent.Callable<Boolean> condition, String what) {
        Awaitility.await(what).atMost(limit).pollInterval(Duration.ofMillis(250)).until(condition);
    }

    @Test
    void twoNodesShareTheWorkSurviveTheLossOfOneAndLoseNothing() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on").start()) {
            Node first = start(postgres, "node-1");
            Node second = start(postgres, "node-2");
            Node restarted = null;
            try {
                await(Duration.ofSeconds(60), () -> claimed(first.api(), "totals") == 2 && claimed(second.api(), "totals") == 2,
                        "the four totals segments split two and two");

                for (int i = 0; i < 40; i++) {
                    Node via = i % 2 == 0 ? first : second;
                    assertThat(via.api().post("/api/initiatives", line(2129, "1", "分類", "総務部", "再構築前" + i, 1_000L)).status()).isEqualTo(201);
                }
                Api.Response rebuild = first.api().as("admin").post("/api/admin/projections/temporal/rebuild", "");
                assertThat(rebuild.status()).as(rebuild.raw()).isEqualTo(202);
                await(Duration.ofSeconds(60), () -> {
                    JsonNode statuses = second.api().as("admin").get("/api/admin/projections").body();
                    return statuses != null && statuses.toString().contains("\"name\":\"temporal\"") && statuses.toString().contains("\"state\":\"done\"");
                }, "the rebuild of the temporal model, coordinated over both nodes, is done");
                JsonNode temporal = second.api().as("admin").get("/api/admin/projections").body().findParent("generation");
                assertThat(temporal.get("totalEvents").asLong()).as("the 40 lines written before the rebuild").isEqualTo(40);
                assertThat(temporal.get("eventsDone").asLong()).isEqualTo(temporal.get("totalEvents").asLong());
                await(Duration.ofSeconds(60), () -> claimed(first.api(), "temporal") == 1 && claimed(second.api(), "temporal") == 1,
                        "both nodes run the rebuilt temporal model again");

                String shared = first.api().post("/api/initiatives", line(2129, "1", "分類", "総務部", "共有の事業", 0)).text("id");
                ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
                AtomicInteger sharedAccepted = new AtomicInteger();
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicInteger counter = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<Future<?>> load = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    Api api = (t % 2 == 0 ? first : second).api();
                    load.add(pool.submit(() -> {
                        while (running.get()) {
                            try {
                                int n = counter.incrementAndGet();
                                Api.Response added = api.post("/api/initiatives", line(2129, Integer.toString(1 + n % 3), "分類",
                                        n % 2 == 0 ? "総務部" : "出納局", "負荷" + n, 1_000L * n));
                                if (added.status() == 201) {
                                    acknowledged.add(added.text("id"));
                                }
                                Api.Response amended = api.post("/api/initiatives/" + shared + "/amendments", "{\"deltaYen\": 1, \"reason\": \"同時\"}");
                                if (amended.status() == 200) {
                                    sharedAccepted.incrementAndGet();
                                } else {
                                    assertThat(amended.status()).as(amended.raw()).isIn(409);
                                }
                            } catch (RuntimeException nodeGone) {
                                // the killed node's callers fail; their writes were not acknowledged
                            }
                        }
                        return null;
                    }));
                }
                await(Duration.ofSeconds(60), () -> acknowledged.size() >= 20 && sharedAccepted.get() >= 4,
                        "both nodes acknowledge writes under load");
                second.process().destroyForcibly();
                second.process().waitFor(30, TimeUnit.SECONDS);
                int beforeLoss = acknowledged.size();
                await(Duration.ofSeconds(60), () -> acknowledged.size() >= beforeLoss + 10,
                        "the survivor goes on acknowledging writes after the other node is gone");
                running.set(false);
                for (Future<?> f : load) {
                    f.get();
                }
                pool.shutdown();
                assertThat(acknowledged).hasSizeGreaterThan(10);

                await(Duration.ofSeconds(60), () -> claimed(first.api(), "totals") == 4, "the survivor takes all four totals segments");

                JdbcClient store = JdbcClient.create(postgres.getPostgresDatabase());
                for (String id : acknowledged) {
                    assertThat(store.sql("SELECT count(*) FROM domainevententry WHERE aggregateIdentifier = ?").param(id).query(Long.class).single())
                            .as("acknowledged line " + id).isEqualTo(1);
                }
                long head = store.sql("SELECT max(globalIndex) FROM domainevententry").query(Long.class).single();
                JsonNode sharedLine = first.api().get("/api/initiatives/" + shared + "?minPosition=" + head).body();
                long sharedEvents = store.sql("SELECT count(*) FROM domainevententry WHERE aggregateIdentifier = ?").param(shared).query(Long.class).single();
                assertThat(sharedLine.get("amountYen").asLong()).isEqualTo(sharedEvents - 1).isGreaterThanOrEqualTo(sharedAccepted.get());

                Api.Response replay = first.api().post("/api/audit/replays", "{\"fiscalYear\": 2129}");
                assertThat(replay.body().get("matches").asBoolean()).as(replay.raw()).isTrue();
                assertThat(first.api().get("/api/totals?fiscalYear=2129&minPosition=" + head).number("totalYen"))
                        .as(() -> "department totals against the store's events: " + departmentsAgainstStore(store))
                        .isEqualTo(replay.body().at("/replay/totalYen").asLong());
                Api.Response verify = first.api().post("/api/audit/verify", "{}");
                assertThat(verify.body().get("verified").asBoolean()).as(verify.raw()).isTrue();
                assertThat(store.sql("SELECT count(*) FROM (SELECT aggregateIdentifier, sequenceNumber FROM domainevententry "
                        + "GROUP BY 1, 2 HAVING count(*) > 1) duplicated").query(Long.class).single()).as("duplicate events").isZero();

                restarted = start(postgres, "node-2-restarted");
                Node again = restarted;
                await(Duration.ofSeconds(60), () -> claimed(first.api(), "totals") == 2 && claimed(again.api(), "totals") == 2,
                        "the restarted node gets its share of the totals segments back");
                Api.Response replayAgain = again.api().post("/api/audit/replays", "{\"fiscalYear\": 2129}");
                assertThat(replayAgain.body().get("matches").asBoolean()).as(replayAgain.raw()).isTrue();
                assertThat(again.api().get("/api/totals?fiscalYear=2129&minPosition=" + head).number("totalYen"))
                        .isEqualTo(replay.body().at("/replay/totalYen").asLong());
            } finally {
                if (restarted != null) {
                    restarted.process().destroy();
                    restarted.process().waitFor(30, TimeUnit.SECONDS);
                }
                first.process().destroy();
                second.process().destroyForcibly();
                first.process().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Each department's total and line count in the read model next to the sums of the stored events, for a failure message. */
    private static String departmentsAgainstStore(JdbcClient store) {
        return store.sql("""
                        WITH e AS (SELECT payloadType, convert_from(payload, 'UTF8')::jsonb AS p, globalIndex FROM domainevententry),
                        s AS (SELECT p ->> 'department' AS department,
                                     sum(CASE WHEN payloadType LIKE '%InitiativeAdded' THEN (p ->> 'amount')::bigint
                                              ELSE (p ->> 'amountAfter')::bigint - (p ->> 'amountBefore')::bigint END) AS total,
                                     count(*) FILTER (WHERE payloadType LIKE '%InitiativeAdded') AS lines
                              FROM e WHERE (p ->> 'fiscalYear')::int = 2129
                                AND (payloadType LIKE '%InitiativeAdded' OR payloadType LIKE '%AmountAmended') GROUP BY 1)
                        SELECT string_agg(coalesce(t.department, s.department) || ' read model ' || coalesce(t.total_yen, 0) || '/'
                                          || coalesce(t.initiative_count, 0) || ' store ' || coalesce(s.total, 0) || '/' || coalesce(s.lines, 0), '; ')
                        FROM (SELECT * FROM department_total WHERE fiscal_year = 2129) t FULL JOIN s ON s.department = t.department""")
                .query(String.class).optional().orElse("-");
    }
}
