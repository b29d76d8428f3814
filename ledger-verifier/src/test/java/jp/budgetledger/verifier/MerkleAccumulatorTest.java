package jp.budgetledger.verifier;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleAccumulatorTest {

    @Test
    void theRootAfterEachLeafIsTheTreeRootOfTheLeavesSoFar() {
        MerkleAccumulator accumulator = new MerkleAccumulator();
        List<byte[]> leaves = new ArrayList<>();
        assertThat(accumulator.root()).isEqualTo(MerkleTree.emptyRoot());
        for (int i = 0; i < 300; i++) {
            byte[] leaf = MerkleTree.leafHash(("event " + i).getBytes(StandardCharsets.UTF_8));
            leaves.add(leaf);
            accumulator.add(leaf);
            assertThat(accumulator.size()).isEqualTo(leaves.size());
            assertThat(accumulator.root()).as("%d leaves", leaves.size()).isEqualTo(MerkleTree.root(leaves));
        }
    }
}
