package jp.budgetledger.verifier;

/** A tree head as given to the verifier: the signed fields, the ledger's last position in that tree when it says so, and the file. */
record SignedHead(TreeHead head, Long lastPosition, String source) {

    long size() {
        return head.treeSize();
    }

    /** "size N, signed at T" for messages. */
    String describe() {
        return "size " + head.treeSize() + ", signed at " + head.timestamp();
    }

    String describeJapanese() {
        return "木の大きさ " + head.treeSize() + "、" + head.timestamp() + " 署名";
    }
}
