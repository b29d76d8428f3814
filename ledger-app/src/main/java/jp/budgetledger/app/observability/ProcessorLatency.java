package jp.budgetledger.app.observability;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

import java.util.concurrent.atomic.AtomicLong;

/**
 * axon-micrometer's {@code EventProcessorLatencyMonitor}: the gauge {@code <prefix>.latency}, the
 * time in milliseconds between an event's timestamp and the moment the processor takes it, with the
 * gauge registered once. Axon's monitor registers it again for every event, which Micrometer
 * (from 1.13.9) reports with a warning in the log of every start.
 */
final class ProcessorLatency implements MessageMonitor<EventMessage<?>> {

    private final AtomicLong latency = new AtomicLong();
    private final Clock clock;

    ProcessorLatency(MeterRegistry registry, String prefix, Tags tags) {
        this.clock = registry.config().clock();
        Gauge.builder(prefix + ".latency", latency::get).tags(tags).register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        latency.set(clock.wallTime() - message.getTimestamp().toEpochMilli());
        return NoOpMessageMonitorCallback.INSTANCE;
    }
}
