package jp.budgetledger.projections.totals;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.InitiativeAdded;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Sends every event of one fiscal year to the same segment, so that the rows of a fiscal
 * year's totals are only ever updated by one thread (no lock contention, no deadlocks between
 * segments) while different fiscal years are processed in parallel.
 */
public class FiscalYearSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private final SequentialPerAggregatePolicy fallback = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof InitiativeAdded added) {
            return "fy-" + added.fiscalYear().value();
        }
        if (payload instanceof AmountAmended amended) {
            return "fy-" + amended.fiscalYear().value();
        }
        return fallback.getSequenceIdentifierFor(event);
    }
}
