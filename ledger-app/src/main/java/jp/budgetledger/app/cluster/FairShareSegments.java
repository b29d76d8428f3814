package jp.budgetledger.app.cluster;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many segments of a processor this node may claim: its fair share, the segment count
 * divided by the live nodes, rounded up. Axon's coordinator asks every cycle, so a node releases
 * segments when another joins and takes more when one is gone; alone, a node claims them all.
 */
public class FairShareSegments implements MaxSegmentProvider {

    private final NodeRegistry nodes;
    private final JdbcClient jdbc;

    public FairShareSegments(NodeRegistry nodes, JdbcClient jdbc) {
        this.nodes = nodes;
        this.jdbc = jdbc;
    }

    @Override
    public int getMaxSegments(String processingGroup) {
        Integer segments = jdbc.sql("SELECT count(*)::integer FROM tokenentry WHERE processorName = ?")
                .param(processingGroup).query(Integer.class).single();
        if (segments == null || segments == 0) {
            return Short.MAX_VALUE;
        }
        return (segments + nodes.liveNodes() - 1) / nodes.liveNodes();
    }
}
