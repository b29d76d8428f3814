package jp.budgetledger.verifier;

import java.nio.file.Path;

/** The ledger's record of its leaves read one at a time: leaf indexes 0, 1, 2, … with ascending positions. */
final class LeavesFile implements AutoCloseable {

    /** A recorded leaf with its hash as bytes. */
    record Leaf(long leafIndex, long position, byte[] hash) {
    }

    private final NdjsonFile<RecordedLeaf> file;
    private long expectedIndex;
    private long lastPosition = Long.MIN_VALUE;

    LeavesFile(Path path) {
        this.file = NdjsonFile.open(path, RecordedLeaf.class);
    }

    /** The next leaf, or null at the end. */
    Leaf next() {
        RecordedLeaf leaf = file.next();
        if (leaf == null) {
            return null;
        }
        if (leaf.leafIndex() == null || leaf.position() == null || leaf.leafHash() == null) {
            throw file.malformed("a leaf needs its leafIndex, position and leafHash");
        }
        if (leaf.leafIndex() != expectedIndex) {
            throw file.malformed("leaf index " + leaf.leafIndex() + " where " + expectedIndex + " was due; the leaves are listed in order from 0");
        }
        if (leaf.position() <= lastPosition) {
            throw file.malformed("position " + leaf.position() + " follows position " + lastPosition);
        }
        byte[] hash;
        try {
            hash = Hex.hash(leaf.leafHash());
        } catch (IllegalArgumentException e) {
            throw file.malformed("leafHash: " + e.getMessage());
        }
        expectedIndex++;
        lastPosition = leaf.position();
        return new Leaf(leaf.leafIndex(), leaf.position(), hash);
    }

    @Override
    public void close() {
        file.close();
    }
}
