package jp.budgetledger.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.ExternalDatabaseRoles;
import jp.budgetledger.app.TestUsers;
import jp.budgetledger.projections.ProjectionNames;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Ledger service nodes as separate JVMs on loopback ports, all on one standalone PostgreSQL, with the quick-takeover
 * settings; each node's output goes to {@code <name>.log} in the test's directory.
 */
final class ClusterNodes {

    /**
     * A dead node is noticed, and its claims may be taken, after 4 s instead of 10 (a live node beats and renews its idle
     * claims every second), and the processors look for segments to claim or release every second instead of every 5.
     * The nodes' JVMs compile with C1 only, which starts them sooner.
     */
    static final List<String> QUICK_TAKEOVER = quickTakeover();

    private final List<String> database;
    private final Path dir;

    /**
     * Nodes on {@code postgres}, whose roles are made here once: a replacement started while the
     * other nodes migrate and grant would otherwise alter the schema's rights at the same time
     * ("tuple concurrently updated").
     */
    ClusterNodes(EmbeddedPostgres postgres, Path dir) {
        this.database = ExternalDatabaseRoles.arguments(postgres);
        this.dir = dir;
    }

    /**
     * A node's process and, once its web server is up, its API as the tests' default user. The node binds a port of its
     * own choosing and writes it to {@code portFile} ({@link PortFileNode}): a port picked here and handed over would stay free for the node's
     * whole start, in which any outgoing connection on the machine may take it as its local port.
     */
    static final class Node {
        private final String name;
        private final Process process;
        private final Path portFile;
        private volatile Api api;

        Node(String name, Process process, Path portFile) {
            this.name = name;
            this.process = process;
            this.portFile = portFile;
        }

        String name() {
            return name;
        }

        Process process() {
            return process;
        }

        /** The node's API; fails while its web server has not written its port yet. */
        Api api() {
            Api known = api;
            if (known == null) {
                known = new Api(port().orElseThrow(() -> new IllegalStateException(name + " has no port yet")));
                api = known;
            }
            return known;
        }

        private Optional<Integer> port() {
            try {
                String text = Files.exists(portFile) ? Files.readString(portFile).strip() : "";
                return text.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(text));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** Whether {@code owner}, a claim's owner in the token store, is this node (Axon names the owner pid@host). */
        boolean owns(String owner) {
            return owner != null && owner.startsWith(process.pid() + "@");
        }
    }

    private static List<String> quickTakeover() {
        List<String> arguments = new ArrayList<>(List.of("--ledger.cluster.heartbeat=1s", "--ledger.cluster.node-timeout=4s",
                "--ledger.cluster.claim-extension=1s", "--axon.eventhandling.tokenstore.claim-timeout=4s"));
        ProjectionNames.ALL.forEach(name -> arguments.add("--axon.eventhandling.processors." + name + ".token-claim-interval=1000"));
        return List.copyOf(arguments);
    }

    /** Starts node {@code name} and waits until it is up. */
    Node start(String name) throws IOException {
        return awaitUp(launch(name));
    }

    /** Starts node {@code name} without waiting for it. */
    Node launch(String name) throws IOException {
        Path portFile = dir.resolve(name + ".port");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-DPORTFILE=" + portFile, "-cp", System.getProperty("java.class.path"), PortFileNode.class.getName(),
                "--server.port=0", "--ledger.sample.load=false",
                "--ledger.data-dir=" + dir.resolve(name)));
        command.addAll(database);
        command.addAll(TestUsers.arguments());
        command.addAll(QUICK_TAKEOVER);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        return new Node(name, process, portFile);
    }

    /** {@code node} once its health is up. */
    Node awaitUp(Node node) {
        await(Duration.ofSeconds(90), () -> {
            if (!node.process().isAlive()) {
                throw new IllegalStateException(node.name() + " exited with " + node.process().exitValue() + "; the end of "
                        + dir.resolve(node.name() + ".log") + ":\n" + tail(dir.resolve(node.name() + ".log"), 60));
            }
            return node.port().isPresent() && health(node.api()) != null;
        }, node.name() + " started (see " + dir.resolve(node.name() + ".log") + ")");
        return node;
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    static JsonNode health(Api api) {
        try {
            Api.Response response = api.get("/actuator/health");
            return response.status() == 200 ? response.body() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** How many segments of {@code processor} the node claims by its health (-1: not known). */
    static int claimed(Api api, String processor) {
        JsonNode health = health(api);
        return health == null ? -1 : health.at("/components/eventProcessors/details/" + processor + "/segmentsClaimed").asInt(-1);
    }

    static void await(Duration limit, Callable<Boolean> condition, String what) {
        Awaitility.await(what).atMost(limit).pollInterval(Duration.ofMillis(250)).until(condition);
    }
}
