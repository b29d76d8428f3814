package jp.budgetledger.app.cluster;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import jp.budgetledger.app.eventstore.ProcessorTokens;

/**
 * How many segments of a processor this node may claim: its fair share, the segment count
 * divided by the live nodes, rounded up. Axon's coordinator asks every cycle, so a node releases
 * segments when another joins and takes more when one is gone; alone, a node claims them all.
 */
public class FairShareSegments implements MaxSegmentProvider {

    private final NodeRegistry nodes;
    private final ProcessorTokens tokens;

    public FairShareSegments(NodeRegistry nodes, ProcessorTokens tokens) {
        this.nodes = nodes;
        this.tokens = tokens;
    }

    @Override
    public int getMaxSegments(String processingGroup) {
        int segments = tokens.segments(processingGroup);
        if (segments == 0) {
            return Short.MAX_VALUE;
        }
        return (segments + nodes.liveNodes() - 1) / nodes.liveNodes();
    }
}
