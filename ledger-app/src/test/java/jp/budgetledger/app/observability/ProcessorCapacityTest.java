package jp.budgetledger.app.observability;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorCapacityTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final Tags totals = Tags.of("processorName", "totals");

    @Test
    void capacityIsTheTimeSpentHandlingOverTheWindow() {
        ProcessorCapacity capacity = new ProcessorCapacity(registry, "eventProcessor", totals, 5, TimeUnit.SECONDS);

        handleFor(capacity, 1_000);
        handleFor(capacity, 1_500);

        assertThat(registry.get("eventProcessor.capacity").tags(totals).gauge().value()).isEqualTo(0.5);
    }

    @Test
    void timeHandledBeforeTheWindowNoLongerCounts() {
        ProcessorCapacity capacity = new ProcessorCapacity(registry, "eventProcessor", totals, 5, TimeUnit.SECONDS);

        handleFor(capacity, 2_000);
        clock.add(10, TimeUnit.SECONDS);

        assertThat(registry.get("eventProcessor.capacity").tags(totals).gauge().value()).isZero();
    }

    @Test
    void theGaugeIsRegisteredOnceHoweverManyMessagesPass() {
        ProcessorCapacity capacity = new ProcessorCapacity(registry, "eventProcessor", totals, 5, TimeUnit.SECONDS);
        var gauge = registry.get("eventProcessor.capacity").gauge();

        for (int i = 0; i < 100; i++) {
            handleFor(capacity, 1);
        }

        assertThat(registry.find("eventProcessor.capacity").gauges()).containsExactly(gauge);
    }

    private void handleFor(ProcessorCapacity capacity, long millis) {
        var callback = capacity.onMessageIngested(GenericEventMessage.asEventMessage("event"));
        clock.add(millis, TimeUnit.MILLISECONDS);
        callback.reportSuccess();
    }
}
