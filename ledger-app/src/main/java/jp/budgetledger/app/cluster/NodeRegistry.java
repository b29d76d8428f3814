package jp.budgetledger.app.cluster;

import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;

/**
 * This node's heartbeat in {@code ledger_node} (every {@link ClusterProperties#heartbeat()}), and how many nodes are
 * alive: those seen within {@link ClusterProperties#nodeTimeout()}. A node that stops cleanly removes its row; one that
 * dies drops out after that time, which is how long its projection segments wait before others take them.
 */
@Component
public class NodeRegistry {

    private final JdbcClient jdbc;
    private final Duration nodeTimeout;
    private final String nodeId = "node-" + UUID.randomUUID();
    private volatile int liveNodes = 1;
    private volatile long checkedAt;

    public NodeRegistry(JdbcClient jdbc, ClusterProperties cluster) {
        this.jdbc = jdbc;
        this.nodeTimeout = cluster.nodeTimeout();
    }

    public String nodeId() {
        return nodeId;
    }

    /** How long a node may go without a heartbeat and still count as alive. */
    public Duration nodeTimeout() {
        return nodeTimeout;
    }

    @Scheduled(fixedDelayString = "${ledger.cluster.heartbeat:2s}")
    void beat() {
        jdbc.sql("INSERT INTO ledger_node (node_id) VALUES (?) ON CONFLICT (node_id) DO UPDATE SET seen_at = now()").param(nodeId).update();
    }

    /** Nodes alive now (this one included), counted at most once a second. */
    public int liveNodes() {
        long now = System.nanoTime();
        if (now - checkedAt > 1_000_000_000L) {
            Integer count = jdbc.sql("SELECT count(*)::integer FROM ledger_node WHERE seen_at > now() - make_interval(secs => ?)")
                    .param(nodeTimeout.toMillis() / 1000.0).query(Integer.class).single();
            liveNodes = Math.max(1, count == null ? 1 : count);
            checkedAt = now;
        }
        return liveNodes;
    }

    @PreDestroy
    void leave() {
        jdbc.sql("DELETE FROM ledger_node WHERE node_id = ?").param(nodeId).update();
    }
}
