package jp.budgetledger.app.audit;

import java.util.List;

/**
 * The outcome of recomputing every event's hash and chain: clean when {@code problems} is empty.
 * {@code firstProblem} names the first broken event; {@code digestCheck} compares with a digest
 * kept earlier when one was given.
 */
public record VerificationReport(boolean verified, long eventsChecked, long headPosition, StoreDigest digest,
                                 Problem firstProblem, List<Problem> problems, DigestCheck digestCheck) {

    /** One broken event: where it is (or should be), which event, and what is wrong. */
    public record Problem(long position, String eventId, String aggregateId, Long sequence, String kind, String detail) {
    }

    /** The digest an auditor kept next to the one the store gives now for the same position. */
    public record DigestCheck(long position, String expected, String actual, Long expectedEventCount, long actualEventCount,
                              boolean matches) {
    }
}
