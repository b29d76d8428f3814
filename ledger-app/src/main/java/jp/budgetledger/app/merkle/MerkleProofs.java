package jp.budgetledger.app.merkle;

import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.verifier.MerkleTree;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Proofs from the Merkle log: a leaf's inclusion in a tree of a given size and the consistency of two sizes
 * (RFC 6962), and the recorded leaves themselves. Sizes must lie within the tree built so far; an absent size
 * means the newest signed head's.
 *
 * @throws InvalidValueException (from each method) naming the parameter that is out of range
 */
@Service
public class MerkleProofs {

    private static final HexFormat HEX = HexFormat.of();

    private final MerkleLog log;

    public MerkleProofs(MerkleLog log) {
        this.log = log;
    }

    /** RFC 6962 PATH of the event at {@code position} in the tree of {@code treeSize} leaves, with both hashes it leads between. */
    public record InclusionProof(long position, long leafIndex, long treeSize, String leafHash, List<String> auditPath, String rootHash) {
    }

    /** RFC 6962 PROOF that the tree of {@code from} leaves is a prefix of the one of {@code to}, with both roots. */
    public record ConsistencyProof(long from, long to, String fromRoot, String toRoot, List<String> proof) {
    }

    /** The newest signed head, or the one kept for {@code treeSize}. */
    public Optional<SignedTreeHead> head(Long treeSize) {
        if (treeSize != null && treeSize < 0) {
            throw new InvalidValueException("treeSize", "must be 0 or more");
        }
        return treeSize == null ? log.latestHead() : log.head(treeSize);
    }

    /** @return empty when no size is given and no head is signed yet */
    public Optional<InclusionProof> inclusion(long position, Long treeSize) {
        Optional<Long> size = size("treeSize", treeSize);
        if (size.isEmpty()) {
            return Optional.empty();
        }
        long n = size.get();
        MerkleLog.Leaf leaf = log.leafAt(position)
                .orElseThrow(() -> new InvalidValueException("position", "no event of the tree stands at position " + position));
        if (leaf.index() >= n) {
            throw new InvalidValueException("position", "the event at position " + position + " is leaf " + leaf.index()
                    + ", not in the tree of " + n + " leaves");
        }
        return Optional.of(new InclusionProof(position, leaf.index(), n, HEX.formatHex(leaf.hash()),
                hex(MerkleTree.inclusionProof(log, leaf.index(), n)), HEX.formatHex(MerkleTree.root(log, n))));
    }

    public ConsistencyProof consistency(long from, long to) {
        if (from < 0) {
            throw new InvalidValueException("from", "must be 0 or more");
        }
        if (from > to) {
            throw new InvalidValueException("from", "must not exceed to (" + to + ")");
        }
        within("to", to);
        return new ConsistencyProof(from, to, HEX.formatHex(MerkleTree.root(log, from)), HEX.formatHex(MerkleTree.root(log, to)),
                hex(MerkleTree.consistencyProof(log, from, to)));
    }

    /**
     * Writes the first {@code treeSize} recorded leaves as NDJSON, {@code {"leafIndex","position","leafHash"}} per line.
     *
     * @return false when no size is given and no head is signed yet (nothing written)
     */
    public boolean writeLeaves(Long treeSize, OutputStream out) throws IOException {
        Optional<Long> size = size("treeSize", treeSize);
        if (size.isEmpty()) {
            return false;
        }
        long after = -1;
        List<MerkleLog.Leaf> page;
        while (!(page = log.leaves(after, size.get(), 1_000)).isEmpty()) {
            StringBuilder lines = new StringBuilder();
            for (MerkleLog.Leaf leaf : page) {
                lines.append("{\"leafIndex\":").append(leaf.index()).append(",\"position\":").append(leaf.position())
                        .append(",\"leafHash\":\"").append(HEX.formatHex(leaf.hash())).append("\"}\n");
                after = leaf.index();
            }
            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
        return true;
    }

    /** Checks a size argument before anything is written. */
    public Optional<Long> size(String parameter, Long treeSize) {
        if (treeSize == null) {
            return log.latestHead().map(SignedTreeHead::treeSize);
        }
        within(parameter, treeSize);
        return Optional.of(treeSize);
    }

    private void within(String parameter, long size) {
        if (size < 0) {
            throw new InvalidValueException(parameter, "must be 0 or more");
        }
        long built = log.size();
        if (size > built) {
            throw new InvalidValueException(parameter, "is beyond the tree, which has " + built + " leaves");
        }
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
