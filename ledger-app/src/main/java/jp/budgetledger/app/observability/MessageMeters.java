package jp.budgetledger.app.observability;

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
 * The counters and timers of Axon's {@code MessageCountingMonitor} and {@code MessageTimerMonitor}
 * for one component ({@code <prefix>.*Counter}, {@code <prefix>.*Timer}, tagged with the given
 * tags and {@code payloadType}), with the meters of each payload type looked up once instead of in
 * the registry for every message, and without client-side percentiles.
 */
final class MessageMeters implements MessageMonitor<Message<?>> {

    private final MeterRegistry registry;
    private final String prefix;
    private final Tags tags;
    private final Map<Class<?>, Meters> byType = new ConcurrentHashMap<>();

    private record Meters(Counter ingested, Counter success, Counter failure, Counter processed, Counter ignored,
                          Timer all, Timer successTime, Timer failureTime, Timer ignoredTime) {
    }

    MessageMeters(MeterRegistry registry, String prefix, Tags tags) {
        this.registry = registry;
        this.prefix = prefix;
        this.tags = tags;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byType.computeIfAbsent(message.getPayloadType(), this::meters);
        meters.ingested().increment();
        long started = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                finished(meters, meters.success(), meters.successTime(), started);
            }

            @Override
            public void reportFailure(Throwable cause) {
                finished(meters, meters.failure(), meters.failureTime(), started);
            }

            @Override
            public void reportIgnored() {
                finished(meters, meters.ignored(), meters.ignoredTime(), started);
            }
        };
    }

    private static void finished(Meters meters, Counter outcome, Timer outcomeTime, long started) {
        long took = System.nanoTime() - started;
        outcome.increment();
        meters.processed().increment();
        meters.all().record(took, TimeUnit.NANOSECONDS);
        outcomeTime.record(took, TimeUnit.NANOSECONDS);
    }

    private Meters meters(Class<?> payloadType) {
        Tags tags = this.tags.and("payloadType", payloadType.getSimpleName());
        return new Meters(counter("ingestedCounter", tags), counter("successCounter", tags), counter("failureCounter", tags),
                counter("processedCounter", tags), counter("ignoredCounter", tags),
                timer("allTimer", tags), timer("successTimer", tags), timer("failureTimer", tags), timer("ignoredTimer", tags));
    }

    private Counter counter(String name, Tags tags) {
        return Counter.builder(prefix + "." + name).tags(tags).register(registry);
    }

    private Timer timer(String name, Tags tags) {
        return Timer.builder(prefix + "." + name).tags(tags).register(registry);
    }
}
