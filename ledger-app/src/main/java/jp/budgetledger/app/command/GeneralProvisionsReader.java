package jp.budgetledger.app.command;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.GeneralProvisionsId;
import jp.budgetledger.core.domain.GeneralProvisions;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

/** A fiscal year's 予算総則 as its events leave it, read from the event store as the transfer handler reads it. */
@Service
public class GeneralProvisionsReader {

    private final EventStore eventStore;

    public GeneralProvisionsReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The year's clauses and barred 節; none of either for a year without any registered. */
    public GeneralProvisions of(FiscalYear fiscalYear) {
        GeneralProvisions provisions = new GeneralProvisions();
        eventStore.readEvents(GeneralProvisionsId.of(fiscalYear)).asStream().forEach(event -> provisions.apply(event.getPayload()));
        return provisions;
    }
}
