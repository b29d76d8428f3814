package jp.budgetledger.app.observability;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The counters and timers of axon-micrometer's {@code MessageCountingMonitor} and
 * {@code MessageTimerMonitor} for messages tagged by payload type, with the same meter names,
 * tags and counts, but with each payload type's nine meters found in the registry once instead of
 * for every message. Used where every event passes (the processors, the event bus).
 */
final class PayloadTypeMeters implements MessageMonitor<Message<?>> {

    private final MeterRegistry registry;
    private final String prefix;
    private final Tags tags;
    private final Clock clock;
    private final Map<Class<?>, Meters> byType = new ConcurrentHashMap<>();

    PayloadTypeMeters(MeterRegistry registry, String prefix, Tags tags) {
        this.registry = registry;
        this.prefix = prefix;
        this.tags = tags;
        this.clock = registry.config().clock();
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byType.computeIfAbsent(message.getPayloadType(), this::meters);
        meters.ingested.increment();
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                meters.report(meters.success, meters.successTimer, clock.monotonicTime() - start);
            }

            @Override
            public void reportFailure(Throwable cause) {
                meters.report(meters.failure, meters.failureTimer, clock.monotonicTime() - start);
            }

            @Override
            public void reportIgnored() {
                long nanos = clock.monotonicTime() - start;
                meters.ignored.increment();
                meters.ignoredTimer.record(nanos, TimeUnit.NANOSECONDS);
                meters.allTimer.record(nanos, TimeUnit.NANOSECONDS);
            }
        };
    }

    private Meters meters(Class<?> payloadType) {
        Tags typed = tags.and("payloadType", payloadType.getSimpleName());
        return new Meters(counter("ingestedCounter", typed), counter("successCounter", typed), counter("failureCounter", typed),
                counter("processedCounter", typed), counter("ignoredCounter", typed),
                timer("allTimer", typed), timer("successTimer", typed), timer("failureTimer", typed), timer("ignoredTimer", typed));
    }

    private Counter counter(String name, Tags typed) {
        return registry.counter(prefix + "." + name, typed);
    }

    private Timer timer(String name, Tags typed) {
        return Timer.builder(prefix + "." + name).tags(typed).publishPercentiles()
                .distributionStatisticExpiry(ProcessorMonitors.TIMER_STATISTICS_EXPIRY).register(registry);
    }

    private record Meters(Counter ingested, Counter success, Counter failure, Counter processed, Counter ignored,
                          Timer allTimer, Timer successTimer, Timer failureTimer, Timer ignoredTimer) {

        void report(Counter outcome, Timer outcomeTimer, long nanos) {
            outcome.increment();
            processed.increment();
            outcomeTimer.record(nanos, TimeUnit.NANOSECONDS);
            allTimer.record(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
