package jp.budgetledger.app.projection;

import jp.budgetledger.app.eventstore.StoredEvents;
import jp.budgetledger.projections.ProjectionNames;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code eventProcessors} in {@code /actuator/health}: UP when every projection processor runs
 * without error; each with its position and lag (events it has still to handle) behind the head.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final ProjectionProgress progress;
    private final StoredEvents store;

    EventProcessorsHealthIndicator(ProjectionProgress progress, StoredEvents store) {
        this.progress = progress;
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        long head = store.head();
        builder.withDetail("headPosition", head);
        for (String name : ProjectionNames.ALL) {
            StreamingEventProcessor processor = progress.processor(name);
            Map<String, Object> detail = new LinkedHashMap<>();
            if (processor == null) {
                detail.put("running", false);
                up = false;
            } else {
                boolean errors = processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
                detail.put("running", processor.isRunning());
                detail.put("error", processor.isError() || errors);
                detail.put("segmentsClaimed", processor.processingStatus().size());
                progress.position(name).ifPresent(p -> {
                    detail.put("position", p);
                    detail.put("lag", Math.max(0, head - p));
                });
                up &= processor.isRunning() && !processor.isError() && !errors;
            }
            builder.withDetail(name, detail);
        }
        if (up) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
