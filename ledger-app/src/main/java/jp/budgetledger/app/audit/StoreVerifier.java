package jp.budgetledger.app.audit;

import jp.budgetledger.app.eventstore.EventHashes;
import jp.budgetledger.app.eventstore.StoredEvents;
import jp.budgetledger.app.projection.ProjectionProgress;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.projections.ProjectionNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the hash of every stored event from its bytes and checks, in position order: the
 * stored hash, each aggregate's sequence (no gap, no repeat) and chain (previousHash is the hash
 * of the aggregate's previous event), the audit log's record of which event stands at which
 * position, and optionally a digest kept earlier. Reads in pages, so memory stays bounded by the
 * number of aggregates.
 */
@Service
public class StoreVerifier {

    private static final int PAGE = 1_000;
    private static final int MAX_PROBLEMS = 100;

    private final JdbcClient jdbc;
    private final StoredEvents store;
    private final ProjectionProgress progress;

    public StoreVerifier(JdbcClient jdbc, StoredEvents store, ProjectionProgress progress) {
        this.jdbc = jdbc;
        this.store = store;
        this.progress = progress;
    }

    /** The digest of the store up to {@code position} (the head when null). */
    public StoreDigest digest(Long position) {
        return scan(position, null, false).digest;
    }

    /**
     * @param kept a digest kept earlier, or null
     */
    public VerificationReport verify(StoreDigest kept) {
        Scan scan = scan(null, kept, true);
        VerificationReport.DigestCheck check = null;
        if (kept != null) {
            boolean matches = kept.digest().equals(scan.keptPositionDigest) && (kept.eventCount() <= 0 || kept.eventCount() == scan.keptPositionCount);
            check = new VerificationReport.DigestCheck(kept.position(), kept.digest(), scan.keptPositionDigest,
                    kept.eventCount() <= 0 ? null : kept.eventCount(), scan.keptPositionCount, matches);
            if (!matches && scan.problems.isEmpty()) {
                scan.problems.add(new VerificationReport.Problem(kept.position(), null, null, null, "digest-mismatch",
                        "the events up to position " + kept.position() + " no longer give the digest kept for them"));
            }
        }
        List<VerificationReport.Problem> problems = new ArrayList<>(scan.problems);
        problems.sort(java.util.Comparator.comparingLong(VerificationReport.Problem::position));
        return new VerificationReport(problems.isEmpty(), scan.digest.eventCount(), scan.digest.position(), scan.digest,
                problems.isEmpty() ? null : problems.get(0), List.copyOf(problems), check, null);
    }

    private Scan scan(Long upTo, StoreDigest kept, boolean check) {
        long head = store.head();
        long limit = upTo == null ? head : Math.min(upTo, head);
        if (check && head > 0) {
            progress.awaitPosition(ProjectionNames.AUDIT_LOG, head, Duration.ofSeconds(60));
        }
        Scan scan = new Scan();
        Map<String, Head> heads = new HashMap<>();
        String digest = EventHashes.GENESIS;
        long count = 0;
        long lastPosition = 0;
        long after = 0;
        AuditWitness witness = check ? new AuditWitness(jdbc) : null;
        while (true) {
            List<Row> rows = store.page(after, limit, PAGE).stream()
                    .map(r -> new Row(r.position(), r.aggregateIdentifier(), r.sequenceNumber(), r.eventIdentifier(), r.timeStamp(),
                            r.payloadType(), r.payloadRevision(), r.payload(), r.metaData()))
                    .toList();
            if (rows.isEmpty()) {
                break;
            }
            for (Row row : rows) {
                Map<String, Object> metadata;
                try {
                    metadata = EventHashes.parseMetadata(row.metaData());
                } catch (RuntimeException e) {
                    metadata = Map.of();
                    scan.add(row, "unreadable-metadata", "the metadata is not valid JSON");
                }
                String actual = EventHashes.hash(new EventHashes.StoredEvent(row.aggregate(), row.sequence(), row.eventId(),
                        row.timeStamp(), row.payloadType(), row.payloadRevision(), row.payload(), metadata));
                if (check) {
                    Object stored = metadata.get(MetadataKeys.HASH);
                    if (stored == null) {
                        scan.add(row, "unhashed", "the event carries no hash: it was not written by the ledger");
                    } else if (!stored.equals(actual)) {
                        scan.add(row, "altered", "the payload or metadata differs from what was hashed when it was recorded");
                    }
                    Head previous = heads.get(row.aggregate());
                    long expectedSequence = previous == null ? 0 : previous.sequence + 1;
                    String expectedPrevious = previous == null ? EventHashes.GENESIS : previous.hash;
                    if (row.sequence() != expectedSequence) {
                        scan.add(row, "sequence-gap", "expected sequence " + expectedSequence + " of this aggregate here, found "
                                + row.sequence() + (row.sequence() > expectedSequence ? ": an earlier event is missing" : ": repeated or moved"));
                    } else if (!expectedPrevious.equals(metadata.get(MetadataKeys.PREVIOUS_HASH))) {
                        scan.add(row, "chain-broken", "previousHash does not match the aggregate's previous event");
                    }
                    witness.check(row.position(), row.eventId(), actual, scan);
                }
                heads.put(row.aggregate(), new Head(row.sequence(), actual));
                digest = EventHashes.sha256((digest + ":" + row.position() + ":" + actual).getBytes(StandardCharsets.UTF_8));
                count++;
                lastPosition = row.position();
                if (kept != null && row.position() <= kept.position()) {
                    scan.keptPositionDigest = digest;
                    scan.keptPositionCount = count;
                }
                after = row.position();
            }
        }
        if (check) {
            witness.finish(limit, scan);
        }
        if (kept != null && scan.keptPositionDigest == null) {
            scan.keptPositionDigest = EventHashes.GENESIS;
        }
        scan.digest = new StoreDigest(StoreDigest.ALGORITHM, upTo == null ? lastPosition : limit, count, digest, Instant.now());
        return scan;
    }

    private record Row(long position, String aggregate, long sequence, String eventId, String timeStamp, String payloadType,
                       String payloadRevision, byte[] payload, byte[] metaData) {
    }

    private record Head(long sequence, String hash) {
    }

    static final class Scan {
        final List<VerificationReport.Problem> problems = new ArrayList<>();
        StoreDigest digest;
        String keptPositionDigest;
        long keptPositionCount;

        void add(Row row, String kind, String detail) {
            add(new VerificationReport.Problem(row.position(), row.eventId(), row.aggregate(), row.sequence(), kind, detail));
        }

        void add(VerificationReport.Problem problem) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(problem);
            }
        }
    }

    /** Walks the audit log beside the store: which event the ledger recorded at each position, with which hash. */
    private static final class AuditWitness {
        private final JdbcClient jdbc;
        private final List<Entry> page = new ArrayList<>();
        private int index;
        private long after;
        private boolean exhausted;

        record Entry(long position, String eventId, String aggregateId, long sequence, String hash) {
        }

        AuditWitness(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        private Entry peek() {
            if (index >= page.size() && !exhausted) {
                page.clear();
                index = 0;
                page.addAll(jdbc.sql("""
                                SELECT position, event_id, aggregate_id, sequence_number, hash FROM audit_event
                                WHERE position > ? ORDER BY position LIMIT ?""")
                        .params(after, PAGE)
                        .query((rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)))
                        .list());
                exhausted = page.isEmpty();
            }
            return index < page.size() ? page.get(index) : null;
        }

        private void advance(Entry entry) {
            index++;
            after = entry.position();
        }

        void check(long position, String eventId, String hash, Scan scan) {
            Entry entry;
            while ((entry = peek()) != null && entry.position() < position) {
                missing(entry, scan);
                advance(entry);
            }
            if (entry == null || entry.position() > position) {
                scan.add(new VerificationReport.Problem(position, eventId, null, null, "not-in-audit-log",
                        "the audit log has no event at this position: it was inserted outside the ledger"));
                return;
            }
            if (!entry.eventId().equals(eventId)) {
                scan.add(new VerificationReport.Problem(position, eventId, entry.aggregateId(), entry.sequence(), "replaced",
                        "the ledger recorded event " + entry.eventId() + " here, the store now holds " + eventId));
            } else if (entry.hash() != null && !entry.hash().equals(hash)) {
                scan.add(new VerificationReport.Problem(position, eventId, entry.aggregateId(), entry.sequence(), "altered",
                        "the event's contents differ from what the audit log recorded"));
            }
            advance(entry);
        }

        void finish(long limit, Scan scan) {
            Entry entry;
            while ((entry = peek()) != null && entry.position() <= limit) {
                missing(entry, scan);
                advance(entry);
            }
        }

        private void missing(Entry entry, Scan scan) {
            scan.add(new VerificationReport.Problem(entry.position(), entry.eventId(), entry.aggregateId(), entry.sequence(), "missing",
                    "the ledger recorded this event but the store no longer holds it"));
        }
    }
}
