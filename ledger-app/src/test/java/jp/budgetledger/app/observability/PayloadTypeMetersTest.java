package jp.budgetledger.app.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadTypeMetersTest {

    private record Added(String line) {
    }

    private record Amended(String line) {
    }

    private static final List<Consumer<MessageMonitor.MonitorCallback>> OUTCOMES = List.of(
            MessageMonitor.MonitorCallback::reportSuccess,
            callback -> callback.reportFailure(new IllegalStateException("refused")),
            MessageMonitor.MonitorCallback::reportIgnored);

    @Test
    void registersTheSameMetersWithTheSameCountsAsAxonsCountingAndTimerMonitors() {
        Tags processor = Tags.of("processorName", "totals");
        MeterRegistry axons = new SimpleMeterRegistry();
        MeterRegistry ours = new SimpleMeterRegistry();
        MessageMonitor<Message<?>> axon = new MultiMessageMonitor<>(List.of(
                MessageCountingMonitor.buildMonitor("eventProcessor", axons, message -> processor.and("payloadType", message.getPayloadType().getSimpleName())),
                MessageTimerMonitor.builder().meterNamePrefix("eventProcessor").meterRegistry(axons)
                        .tagsBuilder(message -> processor.and("payloadType", message.getPayloadType().getSimpleName()))
                        .timerCustomization(timer -> timer.publishPercentiles()).build()));
        MessageMonitor<Message<?>> cached = new PayloadTypeMeters(ours, "eventProcessor", processor);

        for (int i = 0; i < 30; i++) {
            Message<?> message = GenericEventMessage.asEventMessage(i % 4 == 0 ? new Added("l" + i) : new Amended("l" + i));
            Consumer<MessageMonitor.MonitorCallback> outcome = OUTCOMES.get(i % OUTCOMES.size());
            outcome.accept(axon.onMessageIngested(message));
            outcome.accept(cached.onMessageIngested(message));
        }

        assertThat(counts(ours)).isEqualTo(counts(axons)).containsKey("eventProcessor.ignoredCounter [payloadType=Added, processorName=totals]");
        assertThat(ours.find("eventProcessor.allTimer").timers()).allSatisfy(timer -> assertThat(timer.takeSnapshot().percentileValues()).isEmpty());
    }

    private static Map<String, Double> counts(MeterRegistry registry) {
        Map<String, Double> counts = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            Meter.Id id = meter.getId();
            String key = id.getName() + " " + id.getTags().stream().map(tag -> tag.getKey() + "=" + tag.getValue()).toList();
            counts.put(key, meter instanceof Timer timer ? (double) timer.count() : meter.measure().iterator().next().getValue());
        }
        return counts;
    }
}
