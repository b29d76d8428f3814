package jp.budgetledger.app.projection;

import jp.budgetledger.projections.ProjectionNames;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How far the read models have read the event stream. A processor has reached a position when
 * the segments it runs cover the whole stream and every one of them has handled that position.
 */
@Component
public class ProjectionProgress {

    private static final long POLL_MILLIS = 10;
    private final EventProcessingConfiguration processing;

    public ProjectionProgress(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** The position every read model has reached, or empty when one of them has not covered its segments yet. */
    public OptionalLong position() {
        long min = Long.MAX_VALUE;
        for (String name : ProjectionNames.ALL) {
            OptionalLong position = position(name);
            if (position.isEmpty()) {
                return OptionalLong.empty();
            }
            min = Math.min(min, position.getAsLong());
        }
        return OptionalLong.of(min);
    }

    /** The position processor {@code name} has reached on all its segments. */
    public OptionalLong position(String name) {
        StreamingEventProcessor processor = processor(name);
        if (processor == null) {
            return OptionalLong.empty();
        }
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        double covered = 0;
        long min = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            covered += 1.0 / (segment.getSegment().getMask() + 1);
            OptionalLong current = segment.getCurrentPosition();
            min = Math.min(min, current.orElse(-1));
        }
        if (status.isEmpty() || covered < 0.999_999) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(min);
    }

    /**
     * Waits until every read model has handled the event at {@code position}.
     *
     * @return true when reached within {@code maxWait}
     */
    public boolean awaitPosition(long position, Duration maxWait) {
        return awaitPosition(null, position, maxWait);
    }

    /** Like {@link #awaitPosition(long, Duration)} for one processor ({@code name}), or all when null. */
    public boolean awaitPosition(String name, long position, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            OptionalLong reached = name == null ? position() : position(name);
            if (reached.isPresent() && reached.getAsLong() >= position) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElse(null);
    }
}
