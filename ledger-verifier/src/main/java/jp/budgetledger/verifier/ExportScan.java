package jp.budgetledger.verifier;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One pass over an event export: every event's leaf recomputed and folded into the root, keeping only the roots at the
 * tree sizes asked for, the positions around them and the leaves of the positions asked for (memory independent of the
 * export's length).
 */
final class ExportScan {

    private final Map<Long, byte[]> roots = new HashMap<>();
    private final Map<Long, Long> positions = new HashMap<>();
    private final Map<Long, byte[]> leaves = new HashMap<>();
    private long count;

    private ExportScan() {
    }

    /** Scans {@code events} for the roots at {@code sizes} and the leaves at {@code wantedPositions}. */
    static ExportScan of(Path events, Set<Long> sizes, Set<Long> wantedPositions) {
        ExportScan scan = new ExportScan();
        Set<Long> indexes = new HashSet<>();
        for (long size : sizes) {
            indexes.add(size - 1);
            indexes.add(size);
        }
        indexes.add(0L);
        MerkleAccumulator accumulator = new MerkleAccumulator();
        if (sizes.contains(0L)) {
            scan.roots.put(0L, accumulator.root());
        }
        try (EventsFile file = new EventsFile(events)) {
            ExportedEvent event;
            while ((event = file.next()) != null) {
                byte[] leaf = event.leafHash();
                accumulator.add(leaf);
                if (wantedPositions.contains(event.position())) {
                    scan.leaves.put(event.position(), leaf);
                }
                if (indexes.contains(file.index())) {
                    scan.positions.put(file.index(), event.position());
                }
                if (sizes.contains(accumulator.size())) {
                    scan.roots.put(accumulator.size(), accumulator.root());
                }
            }
        }
        scan.count = accumulator.size();
        return scan;
    }

    /** The root of the first {@code size} events, or null when the export holds fewer. */
    byte[] root(long size) {
        return roots.get(size);
    }

    /** The position of the event at {@code index} (from 0) in the export, for the indexes around the sizes scanned for. */
    Long position(long index) {
        return positions.get(index);
    }

    /** The leaf of the event at {@code position}, or null when the export has none there (or it was not asked for). */
    byte[] leafAt(long position) {
        return leaves.get(position);
    }

    long count() {
        return count;
    }
}
