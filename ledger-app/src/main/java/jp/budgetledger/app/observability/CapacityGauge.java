package jp.budgetledger.app.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.util.concurrent.TimeUnit;

/**
 * Axon's capacity gauge ({@code eventProcessor.capacity}, {@code commandBus.capacity}) for one
 * component: how many of its threads were busy handling messages, on average over the last
 * {@value #WINDOW_SECONDS} whole seconds (1.0 is one thread all the time). Busy time is kept per
 * second, so memory does not grow with the number of messages; Axon's own monitor keeps an entry
 * per message and registers its gauge again for every message.
 */
final class CapacityGauge implements MessageMonitor<Message<?>> {

    static final int WINDOW_SECONDS = 5;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final long[] busyNanos = new long[WINDOW_SECONDS + 1];
    private final long[] bucketSecond = new long[WINDOW_SECONDS + 1];

    CapacityGauge(MeterRegistry registry, String name, Tags tags) {
        Gauge.builder(name, this, CapacityGauge::capacity).tags(tags).register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        long started = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                busy(started);
            }

            @Override
            public void reportFailure(Throwable cause) {
                busy(started);
            }

            @Override
            public void reportIgnored() {
                busy(started);
            }
        };
    }

    private synchronized void busy(long started) {
        long now = System.nanoTime();
        long second = now / SECOND;
        int slot = (int) (second % busyNanos.length);
        if (bucketSecond[slot] != second) {
            bucketSecond[slot] = second;
            busyNanos[slot] = 0;
        }
        busyNanos[slot] += now - started;
    }

    synchronized double capacity() {
        long current = System.nanoTime() / SECOND;
        long busy = 0;
        for (int slot = 0; slot < busyNanos.length; slot++) {
            long age = current - bucketSecond[slot];
            if (age >= 1 && age <= WINDOW_SECONDS) {
                busy += busyNanos[slot];
            }
        }
        return (double) busy / (WINDOW_SECONDS * SECOND);
    }
}
