package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A supplementary budget (補正予算): the record its lines' changes point to. */
public class SupplementaryBudget {

    @AggregateIdentifier
    private SupplementaryBudgetId id;

    protected SupplementaryBudget() {
    }

    SupplementaryBudget(SupplementaryBudgetEnacted enacted) {
        apply(enacted);
    }

    @EventSourcingHandler
    void on(SupplementaryBudgetEnacted event) {
        id = event.budgetId();
    }
}
