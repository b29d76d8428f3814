package jp.budgetledger.app.merkle;

import jp.budgetledger.verifier.MerkleTree;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nodes the tree builder stores, appended batch by batch, serve the same roots and proofs as
 * {@link MerkleTree#inMemory} over the same leaves, for every size up to 130 and batch sizes 1, 3 and 64;
 * and the streaming root of the verifier is the same root.
 */
class PendingNodesTest {

    private static final int MAX = 130;

    private static byte[] leaf(int i) {
        return MerkleTree.leafHash(("event " + i).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void storedNodesGiveTheInMemoryRootsAndProofsForEverySize() {
        for (int batch : new int[]{1, 3, 64}) {
            Map<String, byte[]> stored = new HashMap<>();
            MerkleTree.Nodes table = (level, index) -> {
                byte[] hash = stored.get(level + "/" + index);
                if (hash == null) {
                    throw new IllegalStateException("no stored node " + level + "/" + index);
                }
                return hash;
            };
            List<byte[]> leaves = new ArrayList<>();
            for (int start = 0; start < MAX; start += batch) {
                PendingNodes pending = new PendingNodes(table);
                List<MerkleLog.Node> complete = new ArrayList<>();
                for (int i = start; i < Math.min(MAX, start + batch); i++) {
                    leaves.add(leaf(i));
                    complete.addAll(pending.add(i, leaf(i)));
                }
                for (int i = start; i < leaves.size(); i++) {
                    stored.put("0/" + i, leaves.get(i));
                }
                complete.forEach(node -> stored.put(node.level() + "/" + node.index(), node.hash()));
            }
            for (int n = 0; n <= MAX; n++) {
                List<byte[]> prefix = leaves.subList(0, n);
                MerkleTree.Nodes memory = MerkleTree.inMemory(prefix);
                assertThat(MerkleTree.root(table, n)).as("root of %d (batch %d)", n, batch).isEqualTo(MerkleTree.root(prefix));
                for (int m = 0; m < n; m++) {
                    assertThat(MerkleTree.inclusionProof(table, m, n)).as("path of %d in %d", m, n)
                            .containsExactlyElementsOf(MerkleTree.inclusionProof(memory, m, n));
                    assertThat(MerkleTree.verifyInclusion(m, n, leaves.get(m), MerkleTree.inclusionProof(table, m, n),
                            MerkleTree.root(prefix))).isTrue();
                }
                for (int m = 0; m <= n; m++) {
                    List<byte[]> proof = MerkleTree.consistencyProof(table, m, n);
                    assertThat(proof).as("consistency %d..%d", m, n).containsExactlyElementsOf(MerkleTree.consistencyProof(memory, m, n));
                    assertThat(MerkleTree.verifyConsistency(m, n, MerkleTree.root(leaves.subList(0, m)), MerkleTree.root(prefix), proof))
                            .isTrue();
                }
            }
            assertThat(stored.keySet()).as("only complete subtrees are stored").allSatisfy(key -> {
                int level = Integer.parseInt(key.substring(0, key.indexOf('/')));
                long index = Long.parseLong(key.substring(key.indexOf('/') + 1));
                assertThat((index + 1) << level).isLessThanOrEqualTo(MAX);
            });
        }
    }

    @Test
    void theStreamingRootIsTheTreesRoot() {
        MerkleVerifier.Roots roots = new MerkleVerifier.Roots();
        List<byte[]> leaves = new ArrayList<>();
        assertThat(roots.root()).isEqualTo(MerkleTree.emptyRoot());
        for (int i = 0; i < MAX; i++) {
            roots.add(leaf(i));
            leaves.add(leaf(i));
            assertThat(roots.root()).as("root of %d", i + 1).isEqualTo(MerkleTree.root(leaves));
        }
    }
}
