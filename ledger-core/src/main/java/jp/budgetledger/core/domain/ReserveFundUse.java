package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.ReserveFundUseId;
import jp.budgetledger.core.api.ReserveFundUsed;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A use of a 会計's reserve fund (予備費充用): the record both lines' amendments point to. */
public class ReserveFundUse {

    @AggregateIdentifier
    private ReserveFundUseId id;

    protected ReserveFundUse() {
    }

    ReserveFundUse(ReserveFundUsed used) {
        apply(used);
    }

    @EventSourcingHandler
    void on(ReserveFundUsed event) {
        id = event.useId();
    }
}
