package jp.budgetledger.app.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import jp.budgetledger.projections.ProjectionNames;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.MessageMonitorFactory;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Axon's own Micrometer monitors for every event processor (the projections' pooled processors) and for the command, event and
 * query buses: counters ({@code <prefix>.*Counter}) and timers ({@code <prefix>.*Timer}) by
 * payload type, the processors' latency ({@code eventProcessor.latency}) and the capacity of the
 * processors and of the command and query buses ({@code eventProcessor.capacity},
 * {@code commandBus.capacity}), processor meters tagged with {@code processorName}. Configured
 * rather than left to Axon's auto-configuration, which measures capacity over 10 minutes keeping
 * one entry per message (a rebuild of a million events exhausted a 512 MiB heap) and per payload
 * type: capacity here is over the last {@value #CAPACITY_WINDOW_SECONDS} seconds, per component,
 * and timers publish no client-side percentiles. Where every event passes (the processors and the
 * event bus) the counters and timers are {@link PayloadTypeMeters}: the same meters as Axon's,
 * found once per payload type; the latency and the capacity are {@link ProcessorLatency} and
 * {@link ProcessorCapacity}, Axon's gauges registered once.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorMonitors {

    static final long CAPACITY_WINDOW_SECONDS = 5;
    static final Duration TIMER_STATISTICS_EXPIRY = Duration.ofMinutes(2);

    @Bean
    ConfigurerModule boundedProcessorMonitors(MeterRegistry registry) {
        return configurer -> {
            for (String name : ProjectionNames.ALL) {
                configurer.eventProcessing().registerMessageMonitorFactory(name, factory(registry, name));
            }
            configurer.configureMessageMonitor(CommandBus.class, (configuration, componentType, componentName) -> handlerMonitor(registry, "commandBus"));
            configurer.configureMessageMonitor(QueryBus.class, (configuration, componentType, componentName) -> handlerMonitor(registry, "queryBus"));
            configurer.configureMessageMonitor(EventBus.class, (configuration, componentType, componentName) -> eventBusMonitor(registry));
        };
    }

    /**
     * The monitors of the event processor {@code processor}, for
     * {@code EventProcessingConfigurer.registerMessageMonitorFactory}: every processor the ledger
     * configures must be given them, or Axon's auto-configured monitors apply to it. Each call of the
     * factory gives the same monitors, whose gauges are registered once.
     */
    public static MessageMonitorFactory factory(MeterRegistry registry, String processor) {
        MessageMonitor<Message<?>> monitor = monitor(registry, processor,
                new ProcessorLatency(registry, "eventProcessor", Tags.of("processorName", processor)));
        return (configuration, componentType, componentName) -> monitor;
    }

    static MessageMonitor<Message<?>> handlerMonitor(MeterRegistry registry, String bus) {
        Function<Message<?>, Iterable<Tag>> byPayload = byPayload(Tags.empty());
        return new MultiMessageMonitor<>(List.of(
                MessageCountingMonitor.buildMonitor(bus, registry, byPayload),
                timers(registry, bus, byPayload),
                capacity(registry, bus, Tags.empty())));
    }

    static MessageMonitor<Message<?>> eventBusMonitor(MeterRegistry registry) {
        return new PayloadTypeMeters(registry, "eventBus", Tags.empty());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static MessageMonitor<Message<?>> monitor(MeterRegistry registry, String processor, ProcessorLatency latency) {
        Tags processorName = Tags.of("processorName", processor);
        List<MessageMonitor<? super EventMessage<?>>> monitors = List.of(
                new PayloadTypeMeters(registry, "eventProcessor", processorName),
                latency,
                capacity(registry, "eventProcessor", processorName));
        return (MessageMonitor) new MultiMessageMonitor<EventMessage<?>>(monitors);
    }

    private static Function<Message<?>, Iterable<Tag>> byPayload(Tags tags) {
        return message -> tags.and("payloadType", message.getPayloadType().getSimpleName());
    }

    private static MessageTimerMonitor timers(MeterRegistry registry, String prefix, Function<Message<?>, Iterable<Tag>> tags) {
        return MessageTimerMonitor.builder().meterNamePrefix(prefix).meterRegistry(registry).tagsBuilder(tags)
                .timerCustomization(timer -> timer.publishPercentiles().distributionStatisticExpiry(TIMER_STATISTICS_EXPIRY))
                .build();
    }

    private static ProcessorCapacity capacity(MeterRegistry registry, String prefix, Tags tags) {
        return new ProcessorCapacity(registry, prefix, tags, CAPACITY_WINDOW_SECONDS, TimeUnit.SECONDS);
    }
}
