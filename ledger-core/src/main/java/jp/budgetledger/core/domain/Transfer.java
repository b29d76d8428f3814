package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.FundsTransferred;
import jp.budgetledger.core.api.TransferId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A transfer between two lines (流用): the record both lines' amendments point to. */
public class Transfer {

    @AggregateIdentifier
    private TransferId id;

    protected Transfer() {
    }

    Transfer(FundsTransferred transferred) {
        apply(transferred);
    }

    @EventSourcingHandler
    void on(FundsTransferred event) {
        id = event.transferId();
    }
}
