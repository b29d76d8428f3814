package jp.budgetledger.app.audit;

import java.util.List;

/**
 * The outcome of recomputing every event's hash and chain: clean when {@code problems} is empty.
 * {@code firstProblem} names the first broken event; {@code digestCheck} compares with a digest
 * kept earlier when one was given; {@code treeHead} with a signed tree head when one was given.
 */
public record VerificationReport(boolean verified, long eventsChecked, long headPosition, StoreDigest digest,
                                 Problem firstProblem, List<Problem> problems, DigestCheck digestCheck, TreeHeadCheck treeHead) {

    /**
     * This report with {@code more} problems found by other checks (listed after this report's own at the same
     * position) and the check against a signed tree head (null when none was given).
     */
    public VerificationReport with(List<Problem> more, TreeHeadCheck check) {
        List<Problem> all = new java.util.ArrayList<>(problems);
        all.addAll(more);
        all.sort(java.util.Comparator.comparingLong(Problem::position));
        return new VerificationReport(all.isEmpty(), eventsChecked, headPosition, digest, all.isEmpty() ? null : all.get(0),
                List.copyOf(all), digestCheck, check);
    }

    /** One broken event: where it is (or should be), which event, and what is wrong. */
    public record Problem(long position, String eventId, String aggregateId, Long sequence, String kind, String detail) {
    }

    /** The digest an auditor kept next to the one the store gives now for the same position. */
    public record DigestCheck(long position, String expected, String actual, Long expectedEventCount, long actualEventCount,
                              boolean matches) {
    }

    /**
     * The store checked against a signed tree head: whether its signature is the ledger's ({@code signatureValid}),
     * the root the store's first {@code treeSize} events give now ({@code actualRoot}), whether it is the signed one,
     * and otherwise the first position that disagrees and how ({@code firstProblem}).
     */
    public record TreeHeadCheck(long treeSize, String rootHash, String keyId, boolean signatureValid, String actualRoot,
                                boolean matches, Problem firstProblem) {
    }
}
