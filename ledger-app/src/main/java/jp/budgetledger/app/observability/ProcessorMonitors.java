package jp.budgetledger.app.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import jp.budgetledger.projections.ProjectionNames;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Axon's own metrics for every projection processor (timer, count, latency, capacity, tagged with
 * {@code processorName}), with the capacity measured over a 5-second window. Axon's default window
 * is 10 minutes and keeps one entry per handled event in it: a rebuild of a million events held
 * millions of entries and exhausted a 512 MiB heap.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorMonitors {

    static final long CAPACITY_WINDOW_SECONDS = 5;

    @Bean
    ConfigurerModule boundedProcessorMonitors(MeterRegistry registry) {
        return configurer -> {
            for (String name : ProjectionNames.ALL) {
                configurer.eventProcessing().registerMessageMonitorFactory(name, (configuration, componentType, componentName) -> monitor(registry, name));
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static MessageMonitor<Message<?>> monitor(MeterRegistry registry, String processor) {
        Function<Message<?>, Iterable<Tag>> tags = message -> Tags.of("processorName", processor);
        Function<Message<?>, Iterable<Tag>> typed = message -> Tags.of("processorName", processor, "payloadType",
                message.getPayloadType().getSimpleName());
        List<MessageMonitor<? super EventMessage<?>>> monitors = List.of(
                MessageTimerMonitor.buildMonitor("eventProcessor", registry, typed),
                EventProcessorLatencyMonitor.builder().meterNamePrefix("eventProcessor").meterRegistry(registry).tagsBuilder(tags).build(),
                CapacityMonitor.buildMonitor("eventProcessor", registry, CAPACITY_WINDOW_SECONDS, TimeUnit.SECONDS, tags),
                MessageCountingMonitor.buildMonitor("eventProcessor", registry, typed));
        return (MessageMonitor) new MultiMessageMonitor<EventMessage<?>>(monitors);
    }
}
