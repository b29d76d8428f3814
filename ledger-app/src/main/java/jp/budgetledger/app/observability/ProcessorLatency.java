package jp.budgetledger.app.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Axon's {@code eventProcessor.latency} gauge for one processor: milliseconds between the
 * recording of the last event it took up and the moment it took it up. The gauge is registered
 * once; Axon's own monitor registers it again for every event.
 */
final class ProcessorLatency implements MessageMonitor<EventMessage<?>> {

    private final AtomicLong latencyMillis = new AtomicLong();

    ProcessorLatency(MeterRegistry registry, String processor) {
        Gauge.builder("eventProcessor.latency", latencyMillis, AtomicLong::get).tags(Tags.of("processorName", processor)).register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        latencyMillis.set(System.currentTimeMillis() - message.getTimestamp().toEpochMilli());
        return NoOpMessageMonitorCallback.INSTANCE;
    }
}
