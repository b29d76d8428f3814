package jp.budgetledger.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.TreeText;
import jp.budgetledger.app.WriteLoad;
import jp.budgetledger.app.cluster.ClusterNodes.Node;
import jp.budgetledger.projections.ProjectionNames;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static jp.budgetledger.app.cluster.ClusterNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three ledger processes on one standalone PostgreSQL under a write load of eight clients spread over the live ones; ten
 * times, a node drawn at random from those up (seeded: the seed is printed and {@code -Dnodeloss.seed} sets it) is killed
 * with SIGKILL and a new one started in its place while the load goes on. The next loss comes as soon as two nodes are
 * up, so a replacement may still be starting. Each line carries an Idempotency-Key, and an attempt cut off by a kill, or
 * answered 503, is sent again to a live node with the same key. After each loss: within the takeover limit every segment
 * of every projection is claimed by a live node; every acknowledged line is in the store exactly once and the load left
 * no other line there; and every node up answers the totals (the year's, per department, per category, the 科目 tree)
 * of the fold of the stored events.
 */
@Tag("faults")
class NodeLossIT {

    private static final int YEAR = 2256;
    private static final int CYCLES = 10;
    private static final int NODES = 3;
    private static final int CLIENTS = 8;
    /**
     * The dead node's claims lapse after the claim timeout (4 s), and a live node looks for segments every second; on two
     * busy cores, with two replacements starting beside the one live node, up to 17 s was seen.
     */
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** One loss: the node killed, the segments it held, how long after the kill every segment was claimed by a live node. */
    private record Cycle(int cycle, String killed, int segmentsHeld, long takeoverMillis, int acknowledged, long unavailable,
                         int unanswered, long cycleMillis) {
    }

    @Test
    void killingARandomNodeTenTimesUnderLoadLosesNoAcknowledgedLineDuplicatesNoneAndLeavesNoSegmentUnowned() throws Exception {
        long began = System.nanoTime();
        long seed = Long.getLong("nodeloss.seed", System.nanoTime());
        System.out.println("NodeLossIT seed " + seed);
        Random random = new Random(seed);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on").start()) {
            ClusterNodes nodes = new ClusterNodes(postgres, dir);
            JdbcClient store = JdbcClient.create(postgres.getPostgresDatabase());
            List<Node> live = new CopyOnWriteArrayList<>();
            List<Node> starting = new CopyOnWriteArrayList<>();
            List<Node> started = new ArrayList<>();
            ExecutorService background = Executors.newCachedThreadPool();
            WriteLoad load = null;
            try {
                for (int n = 1; n <= NODES; n++) {
                    started.add(nodes.launch("node-" + n));
                }
                started.forEach(nodes::awaitUp);
                live.addAll(started);
                awaitEverySegmentOwnedByALiveNode(store, live, List.of());
                long startedAt = System.nanoTime();
                System.out.printf("NodeLossIT %d nodes up and their segments claimed after %d ms%n", NODES, millisSince(began));

                List<Cycle> cycles = new ArrayList<>();
                Map<String, Long> startMillis = new ConcurrentHashMap<>();
                List<CompletableFuture<Void>> replacements = new ArrayList<>();
                int acknowledgedTotal = 0;
                for (int cycle = 1; cycle <= CYCLES; cycle++) {
                    long cycleBegan = System.nanoTime();
                    await(Duration.ofSeconds(90), () -> live.size() >= 2, "two nodes up, one to kill and one to go on");
                    WriteLoad writes = WriteLoad.overLiveNodes(() -> {
                        List<Node> now = List.copyOf(live);
                        return now.get(ThreadLocalRandom.current().nextInt(now.size())).api();
                    }, CLIENTS, YEAR, "NL" + cycle);
                    load = writes;
                    await(Duration.ofSeconds(30), () -> writes.acknowledged() >= 5, "the nodes acknowledge lines under load");
                    Node victim = live.get(random.nextInt(live.size()));
                    int held = store.sql("SELECT count(*)::integer FROM tokenentry WHERE owner LIKE ?").param(victim.process().pid() + "@%")
                            .query(Integer.class).single();
                    live.remove(victim);
                    long killedAt = System.nanoTime();
                    victim.process().destroyForcibly();
                    assertThat(victim.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
                    assertThat(victim.process().exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
                    int before = writes.acknowledged();
                    Node replacement = nodes.launch(victim.name().replaceAll("-r\\d+$", "") + "-r" + cycle);
                    started.add(replacement);
                    starting.add(replacement);
                    replacements.add(CompletableFuture.runAsync(() -> {
                        nodes.awaitUp(replacement);
                        startMillis.put(replacement.name(), millisSince(killedAt));
                        live.add(replacement);
                        starting.remove(replacement);
                    }, background));

                    awaitEverySegmentOwnedByALiveNode(store, live, starting);
                    long takeover = millisSince(killedAt);
                    await(Duration.ofSeconds(30), () -> writes.acknowledged() >= before + 5, "the live nodes go on acknowledging lines");
                    Set<String> acknowledged = writes.stop();
                    load = null;
                    writes.assertEachAcknowledgedLineStoredOnce(store, acknowledged);
                    awaitEverySegmentOwnedByALiveNode(store, live, starting);
                    assertTotalsOfEveryLiveNodeEqualTheFold(store, List.copyOf(live));
                    acknowledgedTotal += acknowledged.size();
                    Cycle figures = new Cycle(cycle, victim.name(), held, takeover, acknowledged.size(), writes.answered(503),
                            writes.unanswered(), millisSince(cycleBegan));
                    cycles.add(figures);
                    System.out.println("NodeLossIT " + figures);
                }
                for (CompletableFuture<Void> replacement : replacements) {
                    replacement.get(90, TimeUnit.SECONDS);
                }
                awaitEverySegmentOwnedByALiveNode(store, live, List.of());
                assertTotalsOfEveryLiveNodeEqualTheFold(store, live);
                assertThat(store.sql("SELECT count(*) FROM (SELECT aggregateIdentifier, sequenceNumber FROM domainevententry "
                        + "GROUP BY 1, 2 HAVING count(*) > 1) duplicated").query(Long.class).single()).as("duplicate events").isZero();
                Api.Response verify = live.get(0).api().post("/api/audit/verify", "{}");
                assertThat(verify.body().get("verified").asBoolean()).as(verify.raw()).isTrue();
                System.out.println("NodeLossIT replacements up after their kill (ms): " + new TreeMap<>(startMillis));
                System.out.printf("NodeLossIT seed %d: %d cycles, %d lines acknowledged, %d answers 503, %d attempts cut off, "
                                + "takeover max %d ms, replacement up max %d ms, cycles %d ms, whole test %d ms%n", seed, cycles.size(), acknowledgedTotal,
                        cycles.stream().mapToLong(Cycle::unavailable).sum(), cycles.stream().mapToInt(Cycle::unanswered).sum(),
                        cycles.stream().mapToLong(Cycle::takeoverMillis).max().orElse(0),
                        startMillis.values().stream().mapToLong(Long::longValue).max().orElse(0), millisSince(startedAt), millisSince(began));
            } finally {
                if (load != null) {
                    load.close();
                }
                background.shutdownNow();
                for (Node node : started) {
                    node.process().destroyForcibly();
                }
                for (Node node : started) {
                    node.process().waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /**
     * Every segment of every projection claimed, each by a node up or starting; waits out the takeover interval. A node
     * moves from {@code starting} to {@code live} when up (added to the one before it leaves the other), so they are read
     * in that order.
     */
    private static void awaitEverySegmentOwnedByALiveNode(JdbcClient store, List<Node> live, List<Node> starting) {
        AtomicReference<String> owners = new AtomicReference<>();
        try {
            await(TAKEOVER_LIMIT, () -> {
            List<String> segments = store.sql("SELECT processorName || '/' || segment || ' ' || coalesce(owner, '-') FROM tokenentry "
                    + "WHERE processorName IN (:names) ORDER BY processorName, segment").param("names", ProjectionNames.ALL).query(String.class).list();
            List<Node> alive = new ArrayList<>(starting);
            alive.addAll(live);
            owners.set(segments + " alive " + alive.stream().map(n -> n.name() + "=" + n.process().pid()).toList());
            return !segments.isEmpty() && segments.stream().map(s -> s.substring(s.indexOf(' ') + 1))
                    .allMatch(owner -> alive.stream().anyMatch(node -> node.owns(owner)));
            }, "every projection segment claimed by a live node");
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("segments not all claimed by live nodes: " + owners.get(), e);
        }
    }

    private static void assertTotalsOfEveryLiveNodeEqualTheFold(JdbcClient store, List<Node> live) {
        long head = store.sql("SELECT max(globalIndex) FROM domainevententry").query(Long.class).single();
        StoreFold fold = new StoreFold(store);
        StoreFold.Total year = fold.year(YEAR);
        Map<String, StoreFold.Total> departments = fold.departments(YEAR);
        Map<String, StoreFold.Total> categories = fold.categories(YEAR);
        for (Node node : live) {
            String query = "?fiscalYear=" + YEAR + "&minPosition=" + head;
            JsonNode total = read(node, "/api/totals" + query);
            assertThat(new StoreFold.Total(total.get("totalYen").asLong(), total.get("initiativeCount").asInt()))
                    .as(node.name() + "'s year total; " + fold.departmentsAgainstReadModel(YEAR)).isEqualTo(year);
            assertThat(totals(read(node, "/api/totals/departments" + query), "department"))
                    .as(node.name() + "'s department totals").isEqualTo(departments);
            assertThat(totals(read(node, "/api/totals/categories" + query), "categoryCode", "categoryName"))
                    .as(node.name() + "'s category totals").isEqualTo(categories);
            JsonNode tree = read(node, "/api/totals/tree" + query);
            long treeTotal = 0;
            int treeLines = 0;
            for (JsonNode top : tree) {
                treeTotal += top.get("totalYen").asLong();
                treeLines += top.get("lineCount").asInt();
            }
            assertThat(new StoreFold.Total(treeTotal, treeLines)).as(node.name() + "'s 科目 tree:\n" + TreeText.render(tree)).isEqualTo(year);
        }
    }

    private static JsonNode read(Node node, String path) {
        AtomicReference<Api.Response> response = new AtomicReference<>();
        await(Duration.ofSeconds(30), () -> {
            response.set(node.api().get(path));
            return response.get().status() == 200;
        }, node.name() + " answers " + path);
        return response.get().body();
    }

    private static Map<String, StoreFold.Total> totals(JsonNode rows, String... keys) {
        Map<String, StoreFold.Total> totals = new TreeMap<>();
        for (JsonNode row : rows) {
            String key = java.util.Arrays.stream(keys).map(k -> row.get(k).asText()).collect(Collectors.joining(" "));
            totals.put(key, new StoreFold.Total(row.get("totalYen").asLong(), row.get("initiativeCount").asInt()));
        }
        return totals;
    }
}
