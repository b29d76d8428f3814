package jp.budgetledger.app.audit;

import java.time.Instant;

/**
 * What an auditor keeps: the digest of the whole event store up to {@code position}, i.e.
 * {@code d_i = SHA-256(d_{i-1} ":" position_i ":" hash_i)} over every event in position order
 * starting from 64 zeros, where {@code hash_i} is the event's hash recomputed from its stored
 * bytes. Any change, removal, insertion or reordering of an event at or before {@code position}
 * changes the digest.
 */
public record StoreDigest(String algorithm, long position, long eventCount, String digest, Instant computedAt) {

    public static final String ALGORITHM = "SHA-256 chain over (position, event hash) in position order";
}
