package jp.budgetledger.app.merkle;

import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.eventstore.StoredEvents;
import jp.budgetledger.verifier.MerkleTree;
import jp.budgetledger.verifier.PublicKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Merkle log in {@code merkle_leaf} and {@code merkle_node} on the shared ledger (fiscal year 2101): one leaf per
 * stored event in position order, built idempotently by two builders at once, serving the roots and proofs of
 * {@link MerkleTree#inMemory} over the store's recomputed leaves for every size; signed heads verify with the served
 * public key.
 */
class MerkleLogIT extends LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    TreeBuilder builder;
    @Autowired
    TreeHeadSigner signer;
    @Autowired
    MerkleLog log;
    @Autowired
    StoredEvents store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theLogHoldsEveryEventOnceAndServesTheInMemoryTreesRootsAndProofs() {
        Api api = new Api(port);
        for (int i = 0; i < 5; i++) {
            api.post("/api/initiatives", line(2101, "1", "分類", "総務部", "木の葉" + i, 1000 + i), Map.of());
        }
        CompletableFuture<Long> one = CompletableFuture.supplyAsync(builder::build);
        CompletableFuture<Long> other = CompletableFuture.supplyAsync(builder::build);
        long built = Math.max(one.join(), other.join());
        SignedTreeHead head = signer.signNow();
        assertThat(head.treeSize()).isGreaterThanOrEqualTo(built).isEqualTo(log.size());

        List<StoredEvents.Row> events = store.page(0, head.lastPosition(), Integer.MAX_VALUE);
        assertThat(events).hasSize((int) head.treeSize());
        List<MerkleLog.Leaf> leaves = log.leaves(-1, head.treeSize(), Integer.MAX_VALUE);
        assertThat(leaves).extracting(MerkleLog.Leaf::position).containsExactlyElementsOf(events.stream().map(StoredEvents.Row::position).toList());
        assertThat(leaves).extracting(MerkleLog.Leaf::index).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, head.treeSize()).boxed().toList());
        List<byte[]> recomputed = new ArrayList<>(events.stream().map(Leaves::hash).toList());
        assertThat(leaves).extracting(MerkleLog.Leaf::hash).containsExactlyElementsOf(recomputed);

        int n = recomputed.size();
        MerkleTree.Nodes memory = MerkleTree.inMemory(recomputed);
        assertThat(MerkleTree.root(log, n)).isEqualTo(MerkleTree.root(recomputed)).isEqualTo(head.treeHead().root());
        for (int size = Math.max(1, n - 40); size <= n; size++) {
            assertThat(MerkleTree.root(log, size)).isEqualTo(MerkleTree.root(recomputed.subList(0, size)));
            for (int m = Math.max(0, size - 8); m < size; m++) {
                assertThat(MerkleTree.inclusionProof(log, m, size)).containsExactlyElementsOf(MerkleTree.inclusionProof(memory, m, size));
                assertThat(MerkleTree.consistencyProof(log, m, size)).containsExactlyElementsOf(MerkleTree.consistencyProof(memory, m, size));
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM merkle_node WHERE (node_index + 1) * (1::bigint << level) > ?").param(n)
                .query(Long.class).single()).as("only complete subtrees are stored").isZero();

        assertThat(signer.signNow()).as("a size is signed once").isEqualTo(head);
        String pem = api.get("/api/audit/public-key").raw();
        assertThat(head.treeHead().verifies(PublicKeys.fromPem(pem))).isTrue();
        assertThat(api.get("/api/audit/tree-head?treeSize=" + head.treeSize()).body().get("signature").asText()).isEqualTo(head.signature());
    }
}
