package jp.budgetledger.verifier;

/**
 * A check that failed: its kind (the ledger's {@code VerificationReport} kinds: {@code tree-head-signature},
 * {@code root-mismatch}, {@code altered}, {@code missing}, {@code inserted}, {@code moved}, {@code truncated}; and for
 * proofs {@code inclusion-proof}, {@code consistency-proof}), the first bad position when known (exactly, or
 * the range {@code position..positionTo} it lies in; {@code positionTo} null when the range is open), and what was found.
 */
record Finding(String kind, Long position, Long positionTo, String label, String japanese, String english) implements Result {

    static final String TREE_HEAD_SIGNATURE = "tree-head-signature";
    static final String ROOT_MISMATCH = "root-mismatch";
    static final String ALTERED = "altered";
    static final String MISSING = "missing";
    static final String INSERTED = "inserted";
    static final String MOVED = "moved";
    static final String TRUNCATED = "truncated";
    static final String INCLUSION_PROOF = "inclusion-proof";
    static final String CONSISTENCY_PROOF = "consistency-proof";

    /** A finding at exactly {@code position}. */
    static Finding at(String kind, long position, String japanese, String english) {
        return new Finding(kind, position, position, "位置 " + position, japanese, english);
    }

    /** A finding whose first bad position lies in {@code from..to} ({@code to} null: from there on). */
    static Finding within(String kind, long from, Long to, String japanese, String english) {
        String label = to == null ? "位置 " + from + " 以降" : to == from ? "位置 " + from : "位置 " + from + "〜" + to;
        return new Finding(kind, from, to, label, japanese, english);
    }

    /** A finding about a tree head or a proof, with no position. */
    static Finding about(String kind, String label, String japanese, String english) {
        return new Finding(kind, null, null, label, japanese, english);
    }

    @Override
    public String line() {
        return "改ざんを検出: " + label + " (" + kind + ") — " + english + "\n  " + japanese;
    }
}
