package jp.budgetledger.app.projection;

import jp.budgetledger.app.eventstore.ProcessorTokens;
import jp.budgetledger.projections.ProjectionNames;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
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
    private final ProcessorTokens tokens;
    private final Serializer serializer;

    public ProjectionProgress(EventProcessingConfiguration processing, ProcessorTokens tokens, @Qualifier("serializer") Serializer serializer) {
        this.processing = processing;
        this.tokens = tokens;
        this.serializer = serializer;
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

    /**
     * The position processor {@code name} has reached on all its segments: from this node's own
     * view when it runs them all, otherwise from the tokens every node stores ({@link ProcessorTokens}).
     */
    public OptionalLong position(String name) {
        OptionalLong local = localPosition(name);
        return local.isPresent() ? local : storedPosition(name);
    }

    private OptionalLong storedPosition(String name) {
        List<OptionalLong> positions = tokens.tokens(name).stream().map(stored -> {
            if (stored.token() == null) {
                return OptionalLong.empty();
            }
            TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(stored.token(), byte[].class, stored.type(), null));
            return tracking == null ? OptionalLong.empty() : tracking.position();
        }).toList();
        if (positions.isEmpty() || positions.stream().anyMatch(OptionalLong::isEmpty)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(positions.stream().mapToLong(OptionalLong::getAsLong).min().orElse(-1));
    }

    private OptionalLong localPosition(String name) {
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

    /** Work that may throw {@code E}. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code work} with this node's projection processors stopped (all at once), so that it
     * has the machine to itself; they start again afterwards and catch up from where they stopped.
     */
    public <T, E extends Exception> T whilePaused(Work<T, E> work) throws E {
        List<StreamingEventProcessor> processors = ProjectionNames.ALL.stream().map(this::processor).filter(Objects::nonNull).toList();
        CompletableFuture.allOf(processors.stream().map(StreamingEventProcessor::shutdownAsync).toArray(CompletableFuture[]::new)).join();
        try {
            return work.run();
        } finally {
            processors.forEach(StreamingEventProcessor::start);
        }
    }

    StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElse(null);
    }
}
