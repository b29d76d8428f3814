package jp.budgetledger.bench.history;

import jp.budgetledger.app.eventstore.StoredEvents;
import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.projection.ProjectionProgress;
import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.AmendAmount;
import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.domain.Initiative;
import jp.budgetledger.core.domain.InitiativeKey;
import jp.budgetledger.core.domain.InitiativeRegistry;
import jp.budgetledger.core.domain.SubjectTable;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

/**
 * Loads past budgets, whose changes are already decided, far faster than one command per change.
 * Each past line runs through the {@link Initiative} aggregate's own command handlers in memory:
 * {@link AddInitiative} (which claims the line's key in the product's {@link InitiativeRegistry}, and its 科目's names in
 * the product's {@link SubjectTable})
 * and one {@link AmendAmount} per change, so every rule of the aggregate applies and the events are
 * exactly those it applies. They are appended through the product's event store (so metadata, the
 * hash chain and every projection treat them as any other events) in transactions of a few
 * thousand events, each well under a second (the keys of a transaction's lines claimed in one statement, as the aggregate
 * would claim them one after the other). Appending, they pass the fiscal years' gate as any change does: lines of a
 * fiscal year that has ended (its 31 March passed) are refused ({@code fiscal-year-ended}), so a history's years are ones
 * that have not ended.
 */
public class HistoryLoader {

    public static final int DEFAULT_BATCH = 5_000;

    private final EventStore eventStore;
    private final InitiativeRegistry registry;
    private final SubjectTable subjects;
    private final TransactionTemplate transactions;
    private final ProjectionProgress progress;
    private final StoredEvents store;
    private final AggregateModel<Initiative> model;

    public HistoryLoader(EventStore eventStore, InitiativeRegistry registry, SubjectTable subjects, TransactionTemplate transactions, ProjectionProgress progress,
                         StoredEvents store) {
        this.eventStore = eventStore;
        this.registry = registry;
        this.subjects = subjects;
        this.transactions = transactions;
        this.progress = progress;
        this.store = store;
        this.model = model(registry, subjects);
    }

    /** The aggregate as Axon inspects it, its handlers' {@link InitiativeRegistry} and {@link SubjectTable} parameters resolved to those given. */
    static AggregateModel<Initiative> model(InitiativeRegistry registry, SubjectTable subjects) {
        return AnnotatedAggregateMetaModelFactory.inspectAggregate(Initiative.class, MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(Initiative.class), new SimpleResourceParameterResolverFactory(Set.of(registry, subjects))));
    }

    /** A past change of a line's amount, by a difference, from a date. */
    public record PastChange(LocalDate effectiveDate, Money delta, String reason, String reference) {
    }

    /**
     * A past line: its initial amount from its effective date, then its changes in the order they were recorded; its 会計, side
     * and 科目 when {@code classification} is given (the category is then optional).
     */
    public record PastLine(InitiativeId id, FiscalYear fiscalYear, Category category, Department department, String name,
                           String summary, Money amount, ChangeContext added, List<PastChange> changes, Classification classification) {

        /** An unclassified line. */
        public PastLine(InitiativeId id, FiscalYear fiscalYear, Category category, Department department, String name, String summary,
                        Money amount, ChangeContext added, List<PastChange> changes) {
            this(id, fiscalYear, category, department, name, summary, amount, added, changes, null);
        }
    }

    /** What a load did: lines and events appended, and the last event's position. */
    public record Loaded(long lines, long events, long lastPosition) {
    }

    /**
     * Like {@link #load}, with this node's projection processors stopped meanwhile, so that the
     * load has the machine to itself; they catch up from where they stopped once it is done.
     */
    public Loaded loadPausingProjections(Iterator<PastLine> lines, Requester requester, int batchEvents) {
        return progress.whilePaused(() -> load(lines, requester, batchEvents));
    }

    /**
     * Appends {@code lines} in transactions of about {@code batchEvents} events.
     *
     * @throws jp.budgetledger.core.domain.LedgerRuleViolation (or another of the aggregate's exceptions) when a line breaks
     *                                                         a rule; its batch is rolled back, earlier batches stay
     */
    public Loaded load(Iterator<PastLine> lines, Requester requester, int batchEvents) {
        long lineCount = 0;
        long eventCount = 0;
        List<PastLine> batch = new ArrayList<>();
        int pending = 0;
        MetaData metaData = MetaData.with(MetadataKeys.ACTOR, requester.actor())
                .and(MetadataKeys.CORRELATION_ID, requester.correlationId())
                .and(MetadataKeys.REQUEST_ID, requester.requestId())
                .and(MetadataKeys.CAUSATION_ID, "bulk-" + UUID.randomUUID());
        while (lines.hasNext()) {
            PastLine line = lines.next();
            batch.add(line);
            pending += 1 + line.changes().size();
            if (pending >= batchEvents) {
                eventCount += appendBatch(batch, metaData);
                lineCount += batch.size();
                batch.clear();
                pending = 0;
            }
        }
        if (!batch.isEmpty()) {
            eventCount += appendBatch(batch, metaData);
            lineCount += batch.size();
        }
        return new Loaded(lineCount, eventCount, store.head());
    }

    private long appendBatch(List<PastLine> lines, MetaData metaData) {
        Long appended = transactions.execute(status -> {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            InitiativeRegistry claimed = ClaimedRegistry.claimingAll(registry, lines);
            for (PastLine line : lines) {
                events.addAll(events(line, claimed, subjects, model, metaData));
            }
            eventStore.publish(events);
            return (long) events.size();
        });
        return appended == null ? 0 : appended;
    }

    /**
     * The events the aggregate applies for {@code line}: its addition, then each change as an
     * amendment by its difference, each with {@code metaData}.
     */
    static List<DomainEventMessage<?>> events(PastLine line, InitiativeRegistry registry, SubjectTable subjects, AggregateModel<Initiative> model,
                                             MetaData metaData) {
        Collected collected = new Collected(1 + line.changes().size(), metaData);
        AddInitiative add = new AddInitiative(line.id(), line.fiscalYear(), line.category(), line.department(), line.name(), line.amount(),
                line.summary(), line.added(), line.classification(), null);
        Callable<Initiative> creation = () -> new Initiative(add, registry, subjects);
        EventSourcedAggregate<Initiative> aggregate;
        try {
            aggregate = EventSourcedAggregate.initialize(creation, model, collected,
                    NoSnapshotTriggerDefinition.TRIGGER);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (PastChange change : line.changes()) {
            try {
                aggregate.handle(asCommandMessage(AmendAmount.by(line.id(), change.delta(),
                        new ChangeContext(change.effectiveDate(), change.reason(), change.reference()))));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return collected.events;
    }

    /**
     * The product's registry with the keys of a batch's lines claimed in one statement ({@link InitiativeRegistry#claimAll}, in
     * the lines' order, as one claim after the other would make them), in the batch's transaction: the aggregate's claim of
     * such a key for its line is answered with that claim's outcome; any other claim, and every release, go to the registry.
     */
    static final class ClaimedRegistry implements InitiativeRegistry {
        private final InitiativeRegistry registry;
        private final Map<InitiativeKey, Map<InitiativeId, Optional<InitiativeId>>> outcomes = new HashMap<>();

        private ClaimedRegistry(InitiativeRegistry registry) {
            this.registry = registry;
        }

        static ClaimedRegistry claimingAll(InitiativeRegistry registry, List<PastLine> lines) {
            List<Claim> claims = lines.stream()
                    .map(line -> new Claim(InitiativeKey.of(line.fiscalYear(), line.department(), line.name(), line.classification()), line.id())).toList();
            List<Optional<InitiativeId>> made = registry.claimAll(claims);
            ClaimedRegistry claimed = new ClaimedRegistry(registry);
            for (int i = 0; i < claims.size(); i++) {
                claimed.outcomes.computeIfAbsent(claims.get(i).key(), key -> new HashMap<>()).putIfAbsent(claims.get(i).id(), made.get(i));
            }
            return claimed;
        }

        @Override
        public Optional<InitiativeId> claim(InitiativeKey key, InitiativeId id) {
            Map<InitiativeId, Optional<InitiativeId>> byId = outcomes.get(key);
            Optional<InitiativeId> outcome = byId == null ? null : byId.remove(id);
            return outcome != null ? outcome : registry.claim(key, id);
        }

        @Override
        public void release(InitiativeKey key, InitiativeId id) {
            registry.release(key, id);
        }
    }

    /** The aggregate's event bus: keeps what it applies, with the load's metadata, instead of publishing it. */
    private static final class Collected implements EventBus {
        private final List<DomainEventMessage<?>> events;
        private final MetaData metaData;

        Collected(int expected, MetaData metaData) {
            this.events = new ArrayList<>(expected);
            this.metaData = metaData;
        }

        @Override
        public void publish(List<? extends EventMessage<?>> messages) {
            for (EventMessage<?> message : messages) {
                events.add(((DomainEventMessage<?>) message).andMetaData(metaData));
            }
        }

        @Override
        public Registration subscribe(Consumer<List<? extends EventMessage<?>>> messageProcessor) {
            throw new UnsupportedOperationException("an in-memory aggregate's events go to the load, not to subscribers");
        }

        @Override
        public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super EventMessage<?>> dispatchInterceptor) {
            throw new UnsupportedOperationException("the event store's own interceptors apply when the load appends");
        }
    }
}
