package jp.budgetledger.app.merkle;

import jp.budgetledger.verifier.TreeHead;

/**
 * A tree head the ledger signed and kept: the five fields of {@link TreeHead} exactly (what is signed) and, as an
 * addition, {@code lastPosition}, the position of the event of the tree's last leaf.
 */
public record SignedTreeHead(long treeSize, String rootHash, String timestamp, String keyId, String signature, long lastPosition) {

    static SignedTreeHead of(TreeHead head, long lastPosition) {
        return new SignedTreeHead(head.treeSize(), head.rootHash(), head.timestamp(), head.keyId(), head.signature(), lastPosition);
    }

    public TreeHead treeHead() {
        return new TreeHead(treeSize, rootHash, timestamp, keyId, signature);
    }
}
