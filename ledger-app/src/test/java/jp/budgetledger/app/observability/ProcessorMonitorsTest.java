package jp.budgetledger.app.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorMonitorsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private record Amended(String line) {
    }

    @Test
    void aProcessorsMetersKeepTheirNamesAndTags() {
        ProcessorLatency latency = new ProcessorLatency(registry, "eventProcessor", Tags.of("processorName", "totals"));
        ProcessorMonitors.monitor(registry, "totals", latency).onMessageIngested(GenericEventMessage.asEventMessage(new Amended("1"))).reportSuccess();
        ProcessorMonitors.monitor(registry, "totals", latency).onMessageIngested(new GenericEventMessage<>("e2", new Amended("2"),
                java.util.Map.of(), java.time.Instant.now().minusSeconds(30))).reportSuccess();

        Tags processor = Tags.of("processorName", "totals");
        Tags byPayload = processor.and("payloadType", "Amended");
        assertThat(tags("eventProcessor.capacity")).containsExactly(processor);
        assertThat(tags("eventProcessor.latency")).containsExactly(processor);
        assertThat(registry.get("eventProcessor.latency").tags(processor).gauge().value()).isBetween(30_000.0, 40_000.0);
        assertThat(registry.get("eventProcessor.processedCounter").tags(byPayload).counter().count()).isEqualTo(2);
        assertThat(registry.get("eventProcessor.successCounter").tags(byPayload).counter().count()).isEqualTo(2);
        assertThat(registry.get("eventProcessor.allTimer").tags(byPayload).timer().count()).isEqualTo(2);
        assertThat(registry.get("eventProcessor.allTimer").timer().takeSnapshot().percentileValues()).isEmpty();
    }

    @Test
    void aProcessorsFactoryGivesTheSameMonitorsEveryTimeItIsAsked() {
        var factory = ProcessorMonitors.factory(registry, "account-balance");

        assertThat(factory.create(null, Object.class, "account-balance")).isSameAs(factory.create(null, Object.class, "account-balance"));
        assertThat(tags("eventProcessor.latency")).containsExactly(Tags.of("processorName", "account-balance"));
    }

    @Test
    void aBusHasCountersByPayloadTypeAndOneCapacityGauge() {
        ProcessorMonitors.handlerMonitor(registry, "commandBus").onMessageIngested(GenericCommandMessage.asCommandMessage(new Amended("1"))).reportFailure(new IllegalStateException());

        assertThat(tags("commandBus.capacity")).containsExactly(Tags.empty());
        assertThat(registry.get("commandBus.failureCounter").tags("payloadType", "Amended").counter().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.failureTimer").tags("payloadType", "Amended").timer().count()).isEqualTo(1);
    }

    private List<Tags> tags(String name) {
        return registry.find(name).meters().stream().map(Meter::getId).map(id -> Tags.of(id.getTags().toArray(Tag[]::new))).toList();
    }
}
