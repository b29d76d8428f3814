package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.InitiativeId;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;

import java.util.List;

/**
 * The ledger's aggregates and its multi-line handlers on Axon's own command bus and an in-memory
 * event store, for rules that span several aggregates (which {@code AggregateTestFixture} cannot hold).
 */
final class InMemoryLedger {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final CommandGateway gateway;
    private final MultiLineHandlers handlers;

    InMemoryLedger() {
        InitiativeRegistry registry = new InitiativeTest.InMemoryRegistry();
        SubjectTable subjects = new InMemorySubjectTable();
        ParameterResolverFactory resources = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(Initiative.class),
                new SimpleResourceParameterResolverFactory(List.of(registry, subjects)));
        CommandBus bus = SimpleCommandBus.builder().build();
        EventSourcingRepository<Initiative> initiatives = repository(Initiative.class, resources, bus);
        EventSourcingRepository<Transfer> transfers = repository(Transfer.class, resources, bus);
        EventSourcingRepository<ReserveFundUse> uses = repository(ReserveFundUse.class, resources, bus);
        EventSourcingRepository<BudgetProvisions> provisions = repository(BudgetProvisions.class, resources, bus);
        handlers = new MultiLineHandlers(initiatives, transfers, uses, provisions);
        new AnnotationCommandHandlerAdapter<>(handlers, resources).subscribe(bus);
        new AnnotationCommandHandlerAdapter<>(new CarryoverHandlers(initiatives, repository(SupplementaryBudget.class, resources, bus),
                registry, subjects), resources).subscribe(bus);
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    private <T> EventSourcingRepository<T> repository(Class<T> type, ParameterResolverFactory resources, CommandBus bus) {
        EventSourcingRepository<T> repository = EventSourcingRepository.builder(type).eventStore(store)
                .parameterResolverFactory(resources).build();
        AggregateAnnotationCommandHandler.<T>builder().aggregateType(type).repository(repository)
                .parameterResolverFactory(resources).build().subscribe(bus);
        return repository;
    }

    <R> R send(Object command) {
        return gateway.sendAndWait(command);
    }

    /** Runs a check of the multi-line handlers in a unit of work that is rolled back. */
    void check(java.util.function.Consumer<MultiLineHandlers> check) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            check.accept(handlers);
        } finally {
            unitOfWork.rollback();
        }
    }

    /** Every event recorded, in order. */
    List<Object> events() {
        return storage.readEvents(null, false).map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    /** The events of one line. */
    List<Object> eventsOf(InitiativeId line) {
        return store.readEvents(line.value()).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }
}
