package jp.budgetledger.projections.totals;

import jp.budgetledger.core.api.LedgerEvent;
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
        if (event.getPayload() instanceof LedgerEvent ledgerEvent) {
            return "fy-" + ledgerEvent.fiscalYear().value();
        }
        return fallback.getSequenceIdentifierFor(event);
    }
}
