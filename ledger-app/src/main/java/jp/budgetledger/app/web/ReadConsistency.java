package jp.budgetledger.app.web;

import jp.budgetledger.app.config.LedgerProperties;
import jp.budgetledger.app.projection.ProjectionProgress;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a read given {@code minPosition} (the {@code position} a write returned)
 * waits up to {@code ledger.read-max-wait} for the read models to reach it, and otherwise
 * fails with 503 rather than answer with figures that miss the write.
 */
@Component
class ReadConsistency {

    private final ProjectionProgress progress;
    private final LedgerProperties properties;

    ReadConsistency(ProjectionProgress progress, LedgerProperties properties) {
        this.progress = progress;
        this.properties = properties;
    }

    void awaitPosition(Long minPosition) {
        if (minPosition == null || minPosition <= 0) {
            return;
        }
        if (!progress.awaitPosition(minPosition, properties.readMaxWait())) {
            throw new ProjectionBehindException(minPosition);
        }
    }

    /** The read models have not reached the requested position in time. */
    static class ProjectionBehindException extends RuntimeException {
        final long position;

        ProjectionBehindException(long position) {
            super("the read models have not yet reached position " + position + "; retry shortly");
            this.position = position;
        }
    }
}
