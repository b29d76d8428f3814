package jp.budgetledger.app.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.budgetledger.app.audit.ChangeContextMetadataInterceptor;
import jp.budgetledger.app.command.AccountBalanceGuard;
import jp.budgetledger.app.command.FiscalYearGate;
import jp.budgetledger.app.cluster.ClusterProperties;
import jp.budgetledger.app.cluster.FairShareSegments;
import jp.budgetledger.app.cluster.NodeRegistry;
import jp.budgetledger.app.eventstore.AppendedPositions;
import jp.budgetledger.app.eventstore.HashChainingEventStorageEngine;
import jp.budgetledger.app.eventstore.PositionedJdbcEventStorageEngine;
import jp.budgetledger.app.eventstore.ProcessorTokens;
import jp.budgetledger.app.eventstore.ReadPositions;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.UseReserveFund;
import jp.budgetledger.core.api.DecideSupplementaryBudgetBySenketsu;
import jp.budgetledger.core.api.SubmitSupplementaryBudget;
import jp.budgetledger.core.domain.AccountBalances;
import jp.budgetledger.core.domain.BudgetDocument;
import jp.budgetledger.core.domain.BudgetDocumentImporter;
import jp.budgetledger.core.domain.BudgetProvisions;
import jp.budgetledger.core.api.ReopenFiscalYear;
import jp.budgetledger.core.domain.CarryoverHandlers;
import jp.budgetledger.core.domain.DebtCommitment;
import jp.budgetledger.core.domain.DebtCommitmentHandlers;
import jp.budgetledger.core.domain.ContinuingExpense;
import jp.budgetledger.core.domain.ContinuingExpenseHandlers;
import jp.budgetledger.core.domain.Draft;
import jp.budgetledger.core.domain.FiscalYearLife;
import jp.budgetledger.core.domain.DraftHandlers;
import jp.budgetledger.core.domain.ProposalChecks;
import jp.budgetledger.core.domain.Initiative;
import jp.budgetledger.core.domain.InitiativeRegistry;
import jp.budgetledger.core.domain.MultiLineHandlers;
import jp.budgetledger.core.domain.ReserveFundUse;
import jp.budgetledger.core.domain.SubjectTable;
import jp.budgetledger.core.domain.SupplementaryBudget;
import jp.budgetledger.core.domain.SupplementaryBudgetHandlers;
import jp.budgetledger.core.domain.SupplementaryBudgetNumbers;
import jp.budgetledger.core.domain.Transfer;
import jp.budgetledger.projections.ProjectionNames;
import jp.budgetledger.projections.totals.FiscalYearSequencingPolicy;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MultiCorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Axon on PostgreSQL without Axon Server: events and tokens in Axon's tables through the JDBC
 * storage engine and token store (the {@code eventstore} package owns those tables), all serialised as JSON by
 * {@link LedgerJson#storageMapper()}. Tables are created by Flyway, never by Axon.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** The mapper Axon's Jackson serializers use (Axon looks it up by this bean name). */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return LedgerJson.storageMapper();
    }

    /**
     * Axon's serializer for everything (general, messages, events), built as Axon's
     * auto-configuration builds each of them for {@code jackson} but with the class of each type
     * name looked up once ({@link ClassCachingJacksonSerializer}).
     */
    @Bean
    @Primary
    Serializer serializer(RevisionResolver revisionResolver, @Qualifier("defaultAxonObjectMapper") ObjectMapper mapper) {
        return new ClassCachingJacksonSerializer(JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(AxonConfig.class.getClassLoader()))
                .objectMapper(mapper));
    }

    /** Commands and queries: the same serializer. */
    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(@Qualifier("serializer") Serializer serializer) {
        return serializer;
    }

    /** Events in the store and the processors: the same serializer. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(@Qualifier("serializer") Serializer serializer) {
        return serializer;
    }

    /** The web API's mapper, built by Boot from {@code spring.jackson.*}; primary so MVC uses it. */
    @Bean
    @Primary
    ObjectMapper webObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    @Bean
    FairShareSegments fairShareSegments(NodeRegistry nodes, ProcessorTokens tokens) {
        return new FairShareSegments(nodes, tokens);
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    @Bean
    ReadPositions readPositions() {
        return new ReadPositions();
    }

    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("serializer") Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          org.axonframework.config.Configuration configuration,
                                          JdbcClient jdbc,
                                          ReadPositions readPositions) {
        JdbcEventStorageEngine jdbcEngine = new PositionedJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .batchSize(500)
                .appendEvents(AppendedPositions.statementBuilder()), readPositions);
        return new HashChainingEventStorageEngine(jdbcEngine, eventSerializer, jdbc);
    }

    /** The processors' tokens; a claim not renewed within {@code axon.eventhandling.tokenstore.claim-timeout} may be taken by another node. */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, @Qualifier("serializer") Serializer serializer,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout, ClusterProperties cluster) {
        if (cluster.claimExtension().compareTo(claimTimeout) >= 0) {
            throw new IllegalStateException("ledger.cluster.claim-extension (" + cluster.claimExtension()
                    + ") must be below axon.eventhandling.tokenstore.claim-timeout (" + claimTimeout + ")");
        }
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .build();
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    /**
     * Copies who made a change (and their display name) and the request it belongs to (actor, approver, draft, correlation id, request id)
     * from a command onto every message it causes, and names the command as their cause
     * (causation id). Events give none: the read models send no messages, and Axon would otherwise
     * deserialise every event's metadata in every processor to ask.
     */
    @Bean
    CorrelationDataProvider ledgerCorrelationData() {
        CorrelationDataProvider causation = message -> Map.of(MetadataKeys.CAUSATION_ID, message.getIdentifier());
        CorrelationDataProvider fromCommands = new MultiCorrelationDataProvider<>(List.of(
                new SimpleCorrelationDataProvider(MetadataKeys.ACTOR, MetadataKeys.ACTOR_NAME, MetadataKeys.APPROVED_BY, MetadataKeys.DRAFT_ID,
                        MetadataKeys.CORRELATION_ID, MetadataKeys.REQUEST_ID),
                causation));
        return message -> message instanceof EventMessage<?> ? Map.of() : fromCommands.correlationDataFor(message);
    }

    /**
     * Adds recordedAt and the change context to the metadata of every event as it is published, passes the events of
     * every unit of work through the fiscal years' calendar and states ({@link FiscalYearGate}) before they are appended,
     * and gives them, once appended, to the 会計 balance guard ({@link AccountBalanceGuard}) in the publishing unit of work
     * and transaction, whose errors fail the command.
     */
    @Bean
    SmartInitializingSingleton eventMetadataInterceptor(EventBus eventBus, FiscalYearGate fiscalYears, AccountBalanceGuard balances) {
        return () -> {
            eventBus.registerDispatchInterceptor(fiscalYears);
            eventBus.registerDispatchInterceptor(new ChangeContextMetadataInterceptor());
            eventBus.subscribe(balances::handle);
        };
    }

    /**
     * Budget lines stay in memory between commands, so that a line with a long history is not
     * re-read event by event. Safe with several nodes too: a node acting on a stale cached line
     * appends a sequence number another node already used, the unique key rejects it, the unit of
     * work rolls back and evicts the entry, and the command is retried on the stored state.
     */
    @Bean
    org.axonframework.common.caching.Cache initiativeCache() {
        return new CaffeineAxonCache(com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(20_000));
    }

    /**
     * Registers the aggregates ({@code ledger-core} carries no Spring stereotypes) and the processors'
     * policies: fiscal-year sequencing for the totals, a fair share of segments per node (idle claims renewed every
     * {@link ClusterProperties#claimExtension()}).
     * Drafts of changes that wait for approval are checked by the proposals' own checks ({@link ProposalChecks},
     * one per kind) and, once approved, sent on the command bus from within the approval's unit of work.
     */
    @Bean
    ConfigurerModule ledgerAxonModule(InitiativeRegistry registry, SubjectTable subjects, org.axonframework.common.caching.Cache initiativeCache,
                                      FairShareSegments fairShare, AccountBalances balances, SupplementaryBudgetNumbers numbers,
                                      ClusterProperties cluster) {
        return configurer -> {
            CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
            configurer.configureAggregate(aggregate(Initiative.class)
                    .configureCache(c -> initiativeCache).configureCommandTargetResolver(c -> targets));
            configurer.configureAggregate(aggregate(BudgetDocument.class)
                    .configureCommandTargetResolver(c -> targets));
            configurer.configureAggregate(aggregate(Transfer.class)
                    .configureCommandTargetResolver(c -> targets));
            configurer.configureAggregate(aggregate(SupplementaryBudget.class)
                    .configureCommandTargetResolver(c -> targets));
            configurer.configureAggregate(aggregate(ReserveFundUse.class)
                    .configureCommandTargetResolver(c -> targets));
            configurer.configureAggregate(aggregate(BudgetProvisions.class)
                    .configureCommandTargetResolver(c -> targets));
            configurer.registerCommandHandler(c -> new BudgetDocumentImporter(
                    c.repository(Initiative.class), c.repository(BudgetDocument.class), registry, subjects));
            configurer.configureAggregate(aggregate(Draft.class)
                    .configureCommandTargetResolver(c -> targets));
            configurer.registerCommandHandler(c -> multiLineHandlers(c));
            registerCarryovers(configurer, registry, subjects);
            configurer.registerCommandHandler(c -> supplementaryBudgetHandlers(c, registry, subjects, balances, numbers));
            configurer.registerCommandHandler(c -> {
                MultiLineHandlers lines = multiLineHandlers(c);
                SupplementaryBudgetHandlers bills = supplementaryBudgetHandlers(c, registry, subjects, balances, numbers);
                ProposalChecks checks = new ProposalChecks().with(TransferFunds.class, lines::check)
                        .with(UseReserveFund.class, lines::check)
                        .with(SubmitSupplementaryBudget.class, bills::check)
                        .with(DecideSupplementaryBudgetBySenketsu.class, bills::check)
                        .with(ReopenFiscalYear.class, reopening -> FiscalYearLife.check(c.repository(FiscalYearLife.class), reopening));
                return new DraftHandlers(c.repository(Draft.class), checks, c.commandBus());
            });
            configureFiscalYears(configurer, targets);
            debtCommitments(configurer, targets);
            continuingExpenses(configurer, registry, subjects, targets);
            EventProcessingConfigurer processing = configurer.eventProcessing();
            processing.registerSequencingPolicy(ProjectionNames.TOTALS, c -> new FiscalYearSequencingPolicy());
            processing.registerPooledStreamingEventProcessorConfiguration((c, builder) -> builder.maxSegmentProvider(fairShare)
                    .claimExtensionThreshold(cluster.claimExtension().toMillis())
                    .coordinatorExecutor(name -> {
                        PromptCoordinatorExecutor coordinator = new PromptCoordinatorExecutor(name);
                        c.onShutdown(coordinator::shutdown);
                        return coordinator;
                    }));
        };
    }

    /**
     * An aggregate read from its own events only: an id of another kind of aggregate (a line's id given as a draft's, say) is
     * not found, as an unknown id is, instead of failing to source the aggregate from the other's events.
     */
    private static <A> AggregateConfigurer<A> aggregate(Class<A> type) {
        return AggregateConfigurer.defaultConfiguration(type).configureFilterEventsByType(c -> true);
    }

    /** The life of the fiscal years: their close, its seal and their reopening (checked as a proposal above). */
    private static void configureFiscalYears(org.axonframework.config.Configurer configurer, CommandTargetResolver targets) {
        configurer.configureAggregate(aggregate(FiscalYearLife.class)
                .configureCommandTargetResolver(c -> targets));
    }

    /** Carry-overs (繰越明許費, 事故繰越し): the limits and the records, which open lines of the next year. */
    private static void registerCarryovers(org.axonframework.config.Configurer configurer, InitiativeRegistry registry, SubjectTable subjects) {
        configurer.registerCommandHandler(c -> new CarryoverHandlers(c.repository(Initiative.class), c.repository(SupplementaryBudget.class),
                registry, subjects));
    }

    /** 債務負担行為: the aggregate and its handlers, which check the supplementary budget a change names. */
    private static void debtCommitments(org.axonframework.config.Configurer configurer, CommandTargetResolver targets) {
        configurer.configureAggregate(aggregate(DebtCommitment.class)
                .configureCommandTargetResolver(c -> targets));
        configurer.registerCommandHandler(c -> new DebtCommitmentHandlers(c.repository(DebtCommitment.class),
                c.repository(SupplementaryBudget.class)));
    }

    /** 継続費: the aggregate and the handlers that record it with its share lines, and its 逓次繰越. */
    private static void continuingExpenses(org.axonframework.config.Configurer configurer, InitiativeRegistry registry, SubjectTable subjects,
                                           CommandTargetResolver targets) {
        configurer.configureAggregate(aggregate(ContinuingExpense.class)
                .configureCommandTargetResolver(c -> targets));
        configurer.registerCommandHandler(c -> new ContinuingExpenseHandlers(c.repository(ContinuingExpense.class),
                c.repository(Initiative.class), c.repository(SupplementaryBudget.class), registry, subjects));
    }

    private static MultiLineHandlers multiLineHandlers(org.axonframework.config.Configuration c) {
        return new MultiLineHandlers(c.repository(Initiative.class), c.repository(Transfer.class), c.repository(ReserveFundUse.class),
                c.repository(BudgetProvisions.class));
    }

    private static SupplementaryBudgetHandlers supplementaryBudgetHandlers(org.axonframework.config.Configuration c, InitiativeRegistry registry,
                                                                           SubjectTable subjects, AccountBalances balances,
                                                                           SupplementaryBudgetNumbers numbers) {
        return new SupplementaryBudgetHandlers(c.repository(Initiative.class), c.repository(SupplementaryBudget.class), registry, subjects,
                balances, numbers);
    }
}
