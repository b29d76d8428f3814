package jp.budgetledger.projections.totals;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The stream positions a read model already contains: every position up to {@link #position()}
 * except the {@link #gaps()}, the positions the event stream had not seen yet when it passed them
 * (an insert committed later, or rolled back). An event is admitted once: when it lies beyond the
 * position, or in a gap. Gaps more than {@link #MAX_GAP_OFFSET} below the position are forgotten,
 * as Axon's JDBC event store stops waiting for them there.
 */
final class Watermark {

    static final long MAX_GAP_OFFSET = 10_000;

    private long position;
    private final TreeSet<Long> gaps;
    private boolean changed;

    Watermark() {
        this(-1, List.of());
    }

    Watermark(long position, Collection<Long> gaps) {
        this.position = position;
        this.gaps = new TreeSet<>(gaps);
    }

    /**
     * Whether the event at {@code eventPosition}, delivered with the stream's {@code streamGaps} at
     * that point, is not contained yet; if so it counts as contained from now on.
     */
    boolean admit(long eventPosition, Collection<Long> streamGaps) {
        if (eventPosition > position) {
            for (Long gap : streamGaps) {
                if (gap > position && gap < eventPosition) {
                    gaps.add(gap);
                }
            }
            position = eventPosition;
            gaps.headSet(position - MAX_GAP_OFFSET).clear();
            changed = true;
            return true;
        }
        if (gaps.remove(eventPosition)) {
            changed = true;
            return true;
        }
        return false;
    }

    long position() {
        return position;
    }

    Long[] gaps() {
        return gaps.toArray(Long[]::new);
    }

    boolean changed() {
        return changed;
    }
}
