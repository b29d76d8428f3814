package jp.budgetledger.verifier;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeTest {

    /** The leaves of the test vectors of RFC 6962's reference implementation (certificate-transparency merkle_tree_test). */
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(HexFormat.of().parseHex(LEAVES[i])));
        }
        return leaves;
    }

    @Test
    void rootsAreThoseOfTheReferenceImplementation() {
        assertThat(HexFormat.of().formatHex(MerkleTree.root(List.of()))).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        for (int n = 1; n <= 8; n++) {
            assertThat(HexFormat.of().formatHex(MerkleTree.root(leaves(n)))).as("root of %d leaves", n).isEqualTo(ROOTS[n - 1]);
        }
    }

    @Test
    void everyInclusionAndConsistencyProofOfSmallTreesVerifiesAndATamperedOneDoesNot() {
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            all.add(MerkleTree.leafHash(("event " + i).getBytes(StandardCharsets.UTF_8)));
        }
        MerkleTree.Nodes nodes = MerkleTree.inMemory(all);
        for (int n = 1; n <= all.size(); n++) {
            byte[] root = MerkleTree.root(all.subList(0, n));
            assertThat(MerkleTree.root(nodes, n)).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = MerkleTree.inclusionProof(nodes, m, n);
                assertThat(MerkleTree.verifyInclusion(m, n, all.get(m), path, root)).as("leaf %d of %d", m, n).isTrue();
                assertThat(MerkleTree.verifyInclusion(m, n, all.get((m + 1) % all.size()), path, root)).isFalse();
            }
            for (int m = 0; m <= n; m++) {
                byte[] old = MerkleTree.root(all.subList(0, m));
                List<byte[]> proof = MerkleTree.consistencyProof(nodes, m, n);
                assertThat(MerkleTree.verifyConsistency(m, n, old, root, proof)).as("%d to %d", m, n).isTrue();
                if (m > 0 && m < n) {
                    byte[] wrong = MerkleTree.root(all.subList(1, m + 1));
                    assertThat(MerkleTree.verifyConsistency(m, n, wrong, root, proof)).as("forged %d to %d", m, n).isFalse();
                }
            }
        }
    }
}
