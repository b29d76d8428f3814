package jp.budgetledger.app.observability;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.reservoir.SlidingTimeWindowReservoir;
import org.axonframework.monitoring.MessageMonitor;

import java.util.concurrent.TimeUnit;

/**
 * axon-micrometer's {@code CapacityMonitor}: the gauge {@code <prefix>.capacity}, the time spent
 * handling messages over the last window divided by the window (1 is one thread busy all the time),
 * kept in Axon's own {@link SlidingTimeWindowReservoir}, with the gauge registered once. Axon's
 * monitor registers it again for every message, which Micrometer (from 1.13.9) reports with a
 * warning in the log of every start.
 */
final class ProcessorCapacity implements MessageMonitor<Message<?>> {

    private final SlidingTimeWindowReservoir busy;
    private final Clock clock;
    private final double windowNanos;

    ProcessorCapacity(MeterRegistry registry, String prefix, Tags tags, long window, TimeUnit unit) {
        this.clock = registry.config().clock();
        this.busy = new SlidingTimeWindowReservoir(window, unit, clock);
        this.windowNanos = unit.toNanos(window);
        Gauge.builder(prefix + ".capacity", this, ProcessorCapacity::capacity).tags(tags).register(registry);
    }

    double capacity() {
        long sum = 0;
        for (long nanos : busy.getMeasurements()) {
            sum += nanos;
        }
        return sum / windowNanos;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                busy.update(clock.monotonicTime() - start);
            }

            @Override
            public void reportFailure(Throwable cause) {
                busy.update(clock.monotonicTime() - start);
            }

            @Override
            public void reportIgnored() {
                busy.update(clock.monotonicTime() - start);
            }
        };
    }
}
