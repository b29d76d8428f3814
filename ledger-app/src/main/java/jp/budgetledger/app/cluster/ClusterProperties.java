package jp.budgetledger.app.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code ledger.cluster.*}: how the nodes on one PostgreSQL see each other.
 *
 * @param heartbeat      how often a node writes its heartbeat to {@code ledger_node}
 * @param nodeTimeout    a node not heard from for this long is gone: the others raise their share of the segments
 * @param claimExtension how often a processor renews its claim on a segment that has no events to process; must be
 *                       below the token store's claim timeout ({@code axon.eventhandling.tokenstore.claim-timeout},
 *                       after which another node may take the segment), which the ledger checks at start
 */
@ConfigurationProperties("ledger.cluster")
public record ClusterProperties(
        @DefaultValue("2s") Duration heartbeat,
        @DefaultValue("10s") Duration nodeTimeout,
        @DefaultValue("5s") Duration claimExtension) {
}
