package jp.budgetledger.app.merkle;

import jp.budgetledger.app.config.LedgerProperties;
import jp.budgetledger.verifier.MerkleTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Signs tree heads with the ledger's {@link SigningKey} and keeps them: on demand ({@link #signNow()}), and on a
 * schedule once the tree has grown by {@code ledger.merkle.sign-every-events} leaves, or has grown at all and the
 * last head is older than {@code ledger.merkle.sign-interval}. One node signs at a time (the log's advisory lock);
 * a tree size is signed once, and asking again for the same size answers the head kept for it.
 */
@Service
public class TreeHeadSigner {

    private static final Logger LOG = LoggerFactory.getLogger(TreeHeadSigner.class);

    private final TreeBuilder builder;
    private final MerkleLog log;
    private final TransactionTemplate transactions;
    private final MerkleProperties properties;
    private final SigningKey key;
    private final Clock clock = Clock.systemUTC();

    public TreeHeadSigner(TreeBuilder builder, MerkleLog log, TransactionTemplate transactions, MerkleProperties properties,
                          LedgerProperties ledger) {
        this.builder = builder;
        this.log = log;
        this.transactions = transactions;
        this.properties = properties;
        this.key = SigningKey.loadOrCreate(keyFile(properties, ledger));
    }

    /** Where the signing key is kept: {@code ledger.merkle.signing-key}, or {@code <ledger.data-dir>/secrets/tree-head-signing-key.pem}. */
    public static Path keyFile(MerkleProperties properties, LedgerProperties ledger) {
        return properties.signingKey() != null ? properties.signingKey() : ledger.dataDir().resolve("secrets").resolve(SigningKey.KEY_FILE);
    }

    public SigningKey key() {
        return key;
    }

    /** Extends the tree to the settled head and answers its signed head (newly signed, or the one kept for that size). */
    public SignedTreeHead signNow() {
        builder.build();
        return transactions.execute(status -> {
            log.lockForWriting();
            long size = log.size();
            return log.head(size).orElseGet(() -> sign(size));
        });
    }

    @Scheduled(fixedDelayString = "${ledger.merkle.build-interval:5s}", initialDelayString = "${ledger.merkle.build-interval:5s}")
    void extendAndSignWhenDue() {
        try {
            builder.build();
            transactions.executeWithoutResult(status -> {
                log.lockForWriting();
                long size = log.size();
                long signed = log.latestHead().map(SignedTreeHead::treeSize).orElse(0L);
                boolean grownEnough = size - signed >= properties.signEveryEvents();
                boolean due = size > signed
                        && clock.millis() - log.latestRecordedAtMillis() >= properties.signInterval().toMillis();
                if (grownEnough || due) {
                    sign(size);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("could not extend or sign the Merkle log: {}", e.getMessage());
        }
    }

    private SignedTreeHead sign(long size) {
        byte[] root = MerkleTree.root(log, size);
        String timestamp = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
        SignedTreeHead head = SignedTreeHead.of(key.sign(size, root, timestamp), log.positionOfLeaf(size));
        log.insert(head);
        return head;
    }
}
