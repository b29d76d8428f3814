package jp.budgetledger.app.config;

import org.axonframework.common.AxonThreadFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The coordinating thread of a pooled event processor, as Axon makes it (one thread named
 * {@code Coordinator[processor]}), except that it waits for room in the work queues for
 * {@link #SPACE_WAIT_MILLIS} ms instead of 100.
 * <p>
 * The coordinator reads the event stream and queues each event for every segment; when a
 * segment's queue holds 1,024 events it stops and looks again 100 ms later, the only wait that
 * short in Axon 4.13's coordinator (the others are 500 ms or more: errors, claims, an idle
 * stream). Workers empty their queue in a few milliseconds per batch, so in a replay or a
 * catch-up both threads sat idle for most of each 100 ms. Waits of 100 ms or less are cut to
 * {@value #SPACE_WAIT_MILLIS} ms; a look that finds no room costs a walk of the queues.
 * <p>
 * Listed, with the Axon issue it covers, in the deployment guide's "Workarounds of Axon 4.13.0".
 */
final class PromptCoordinatorExecutor extends ScheduledThreadPoolExecutor {

    static final long SPACE_WAIT_MILLIS = 5;
    static final long LONGEST_SPACE_WAIT_MILLIS = 100;

    PromptCoordinatorExecutor(String processor) {
        super(1, new AxonThreadFactory("Coordinator[" + processor + "]"));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return super.schedule(command, shortened(delay, unit), TimeUnit.NANOSECONDS);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return super.schedule(callable, shortened(delay, unit), TimeUnit.NANOSECONDS);
    }

    private static long shortened(long delay, TimeUnit unit) {
        long millis = unit.toMillis(delay);
        return millis > SPACE_WAIT_MILLIS && millis <= LONGEST_SPACE_WAIT_MILLIS
                ? TimeUnit.MILLISECONDS.toNanos(SPACE_WAIT_MILLIS)
                : unit.toNanos(delay);
    }
}
