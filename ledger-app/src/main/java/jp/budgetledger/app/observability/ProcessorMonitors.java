package jp.budgetledger.app.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jp.budgetledger.projections.ProjectionNames;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Axon's metrics for every projection processor (counts and timers by {@link MessageMeters}, the
 * latency by {@link ProcessorLatency}, the capacity by {@link CapacityGauge}, tagged with
 * {@code processorName}) and for the command, event and query buses. Axon's capacity monitor keeps
 * one entry per handled message for 10 minutes: a rebuild of a million events held millions of
 * entries and exhausted a 512 MiB heap.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorMonitors {

    @Bean
    ConfigurerModule boundedProcessorMonitors(MeterRegistry registry) {
        return configurer -> {
            for (String name : ProjectionNames.ALL) {
                configurer.eventProcessing().registerMessageMonitorFactory(name, (configuration, componentType, componentName) -> monitor(registry, name));
            }
            configurer.configureMessageMonitor(CommandBus.class, (configuration, componentType, componentName) -> handlerMonitor(registry, "commandBus"));
            configurer.configureMessageMonitor(QueryBus.class, (configuration, componentType, componentName) -> handlerMonitor(registry, "queryBus"));
            configurer.configureMessageMonitor(EventBus.class, (configuration, componentType, componentName) -> eventBusMonitor(registry));
        };
    }

    static MessageMonitor<Message<?>> handlerMonitor(MeterRegistry registry, String bus) {
        return new MultiMessageMonitor<>(List.of(
                new MessageMeters(registry, bus, Tags.empty()),
                new CapacityGauge(registry, bus + ".capacity", Tags.empty())));
    }

    static MessageMonitor<Message<?>> eventBusMonitor(MeterRegistry registry) {
        return new MessageMeters(registry, "eventBus", Tags.empty());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static MessageMonitor<Message<?>> monitor(MeterRegistry registry, String processor) {
        List<MessageMonitor<? super EventMessage<?>>> monitors = List.of(
                new MessageMeters(registry, "eventProcessor", Tags.of("processorName", processor)),
                new ProcessorLatency(registry, processor),
                new CapacityGauge(registry, "eventProcessor.capacity", Tags.of("processorName", processor)));
        return (MessageMonitor) new MultiMessageMonitor<EventMessage<?>>(monitors);
    }
}
