package jp.budgetledger.app.merkle;

import jp.budgetledger.verifier.MerkleTree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The leaves of one batch appended to a tree whose earlier subtrees are {@code stored}: each leaf added
 * answers the complete aligned subtrees it finishes (its parent when it is a right child, and so on up),
 * and as {@link MerkleTree.Nodes} serves this batch's hashes before the stored ones.
 */
final class PendingNodes implements MerkleTree.Nodes {

    private final MerkleTree.Nodes stored;
    private final Map<Long, byte[]> pending = new HashMap<>();

    PendingNodes(MerkleTree.Nodes stored) {
        this.stored = stored;
    }

    /** Adds leaf {@code index} (the tree's next); answers the nodes of level 1 and up it completes, lowest first. */
    List<MerkleLog.Node> add(long index, byte[] leaf) {
        pending.put(MerkleLog.key(0, index), leaf);
        List<MerkleLog.Node> complete = new ArrayList<>();
        int level = 0;
        long at = index;
        while ((at & 1) == 1) {
            byte[] parent = MerkleTree.nodeHash(node(level, at - 1), node(level, at));
            level++;
            at >>= 1;
            pending.put(MerkleLog.key(level, at), parent);
            complete.add(new MerkleLog.Node(level, at, parent));
        }
        return complete;
    }

    @Override
    public byte[] node(int level, long index) {
        byte[] hash = pending.get(MerkleLog.key(level, index));
        return hash != null ? hash : stored.node(level, index);
    }
}
