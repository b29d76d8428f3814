package jp.budgetledger.app.merkle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings under {@code ledger.merkle.*}.
 *
 * @param signEveryEvents a tree head is signed once the tree has grown by this many leaves since the last one
 * @param signInterval    and at least this often while the tree grows
 * @param signingKey      the Ed25519 signing key (PKCS#8 PEM); default {@code <ledger.data-dir>/secrets/tree-head-signing-key.pem},
 *                        generated when missing; the public key is written beside it as {@code tree-head-public-key.pem}
 * @param buildInterval   how often the tree is extended to the settled head (and signing considered)
 * @param batchSize       leaves appended per transaction
 */
@ConfigurationProperties("ledger.merkle")
public record MerkleProperties(
        @DefaultValue("1000") long signEveryEvents,
        @DefaultValue("5m") Duration signInterval,
        Path signingKey,
        @DefaultValue("5s") Duration buildInterval,
        @DefaultValue("1000") int batchSize) {
}
