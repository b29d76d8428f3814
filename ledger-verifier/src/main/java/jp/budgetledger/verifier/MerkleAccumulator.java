package jp.budgetledger.verifier;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The RFC 6962 root of a sequence of leaf hashes given one at a time, holding only the roots of the complete subtrees
 * of the leaves so far (at most 64 hashes whatever the number of leaves): for verifying exports of any size.
 * {@link #root()} equals {@link MerkleTree#root(java.util.List)} of the leaves added.
 */
public final class MerkleAccumulator {

    /** The complete subtrees, newest (smallest) first: each entry is a hash and its level. */
    private final Deque<Subtree> subtrees = new ArrayDeque<>();
    private long size;

    private record Subtree(byte[] hash, int level) {
    }

    public void add(byte[] leafHash) {
        Subtree added = new Subtree(leafHash, 0);
        while (!subtrees.isEmpty() && subtrees.peekFirst().level() == added.level()) {
            Subtree left = subtrees.removeFirst();
            added = new Subtree(MerkleTree.nodeHash(left.hash(), added.hash()), added.level() + 1);
        }
        subtrees.addFirst(added);
        size++;
    }

    /** The number of leaves added. */
    public long size() {
        return size;
    }

    /** The root of the tree of every leaf added so far. */
    public byte[] root() {
        if (subtrees.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        Iterator<Subtree> smallestFirst = subtrees.iterator();
        byte[] root = smallestFirst.next().hash();
        while (smallestFirst.hasNext()) {
            root = MerkleTree.nodeHash(smallestFirst.next().hash(), root);
        }
        return root;
    }
}
