package jp.budgetledger.app.observability;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CapacityGaugeTest {

    @Test
    void capacityIsTheBusyTimeOfTheLastWholeSecondsOverTheWindow() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CapacityGauge capacity = new CapacityGauge(registry, "eventProcessor.capacity", Tags.of("processorName", "totals"));
        assertThat(registry.get("eventProcessor.capacity").tag("processorName", "totals").gauge().value()).isZero();

        for (int i = 0; i < 10; i++) {
            MessageMonitor.MonitorCallback callback = capacity.onMessageIngested(GenericEventMessage.asEventMessage("event " + i));
            TimeUnit.MILLISECONDS.sleep(50);
            callback.reportSuccess();
        }
        long next = (System.nanoTime() / 1_000_000_000L + 1) * 1_000_000_000L;
        TimeUnit.NANOSECONDS.sleep(next - System.nanoTime() + 50_000_000L);

        double busyShare = 0.5 / CapacityGauge.WINDOW_SECONDS;
        assertThat(registry.get("eventProcessor.capacity").gauge().value()).isCloseTo(busyShare, within(0.03));
    }
}
