package jp.budgetledger.app.bulk;

import jp.budgetledger.app.command.Requester;
import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.domain.DuplicateInitiativeException;
import jp.budgetledger.core.domain.EffectiveDateBeforeLineException;
import jp.budgetledger.core.domain.EffectiveDateOutsideFiscalYearException;
import jp.budgetledger.core.domain.InitiativeKey;
import jp.budgetledger.core.domain.NegativeAmountException;
import jp.budgetledger.app.projection.ProjectionProgress;
import jp.budgetledger.projections.EventPositions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Loads past budgets, whose changes are already decided, far faster than one command per change:
 * the same events the commands would record ({@link InitiativeAdded}, {@link AmountAmended}),
 * checked against the same rules (unique line per fiscal year and department, amounts never below
 * zero, effective dates in the fiscal year and not before the line), appended through the event
 * store (so metadata, the hash chain and every projection treat them as any other events) in
 * transactions of a few thousand events, each well under a second.
 */
@Service
public class HistoryLoader {

    public static final String AGGREGATE_TYPE = "Initiative";
    public static final int DEFAULT_BATCH = 5_000;

    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private final ProjectionProgress progress;

    public HistoryLoader(EventStore eventStore, JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions,
                         ProjectionProgress progress) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
        this.progress = progress;
    }

    /** A past change of a line's amount, by a difference, from a date. */
    public record PastChange(LocalDate effectiveDate, Money delta, String reason, String reference) {
    }

    /** A past line: its initial amount from its effective date, then its changes in order. */
    public record PastLine(InitiativeId id, FiscalYear fiscalYear, Category category, Department department, String name,
                           String summary, Money amount, ChangeContext added, List<PastChange> changes) {
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

    public Loaded load(Iterator<PastLine> lines, Requester requester, int batchEvents) {
        long lineCount = 0;
        long eventCount = 0;
        List<PastLine> batch = new ArrayList<>();
        int pending = 0;
        String causation = "bulk-" + UUID.randomUUID();
        while (lines.hasNext()) {
            PastLine line = lines.next();
            batch.add(line);
            pending += 1 + line.changes().size();
            if (pending >= batchEvents) {
                eventCount += appendBatch(batch, requester, causation);
                lineCount += batch.size();
                batch.clear();
                pending = 0;
            }
        }
        if (!batch.isEmpty()) {
            eventCount += appendBatch(batch, requester, causation);
            lineCount += batch.size();
        }
        long last = EventPositions.head(jdbc);
        return new Loaded(lineCount, eventCount, last);
    }

    private long appendBatch(List<PastLine> lines, Requester requester, String causation) {
        MetaData metaData = MetaData.with(MetadataKeys.ACTOR, requester.actor())
                .and(MetadataKeys.CORRELATION_ID, requester.correlationId())
                .and(MetadataKeys.REQUEST_ID, requester.requestId())
                .and(MetadataKeys.CAUSATION_ID, causation);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (PastLine line : lines) {
            events.addAll(events(line, metaData));
        }
        Long appended = transactions.execute(status -> {
            claimKeys(lines);
            eventStore.publish(events);
            return (long) events.size();
        });
        return appended == null ? 0 : appended;
    }

    private List<DomainEventMessage<?>> events(PastLine line, MetaData metaData) {
        String id = line.id().value();
        FiscalYear year = line.fiscalYear();
        ChangeContext added = line.added().withDefaultEffectiveDate(year.firstDay());
        LocalDate from = added.effectiveDate();
        boolean precedingMarch = from.getYear() == year.value() && from.getMonthValue() == 3;
        if (!year.contains(from) && !precedingMarch) {
            throw new EffectiveDateOutsideFiscalYearException(from, year);
        }
        if (line.amount().isNegative()) {
            throw new NegativeAmountException(Concept.LINE_AMOUNT, line.amount());
        }
        List<DomainEventMessage<?>> events = new ArrayList<>(1 + line.changes().size());
        events.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, id, 0, new InitiativeAdded(line.id(), year, line.category(),
                line.department(), line.name(), line.amount(), line.summary(), added), metaData));
        Money amount = line.amount();
        LocalDate previous = from;
        long sequence = 1;
        for (PastChange change : line.changes()) {
            if (change.effectiveDate().isBefore(previous)) {
                throw new InvalidValueException("changes", "line " + id + ": past changes must be given in the order of their effective dates");
            }
            if (change.effectiveDate().isBefore(from)) {
                throw new EffectiveDateBeforeLineException(change.effectiveDate(), from);
            }
            if (!year.contains(change.effectiveDate())) {
                throw new EffectiveDateOutsideFiscalYearException(change.effectiveDate(), year);
            }
            Money after = amount.plus(change.delta());
            if (after.isNegative()) {
                throw new NegativeAmountException(Concept.AMOUNT_CHANGE, after);
            }
            events.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, id, sequence++, new AmountAmended(line.id(), year, line.category(),
                    line.department(), amount, after, new ChangeContext(change.effectiveDate(), change.reason(), change.reference())),
                    metaData));
            amount = after;
            previous = change.effectiveDate();
        }
        return events;
    }

    private void claimKeys(List<PastLine> lines) {
        List<Object[]> rows = lines.stream().map(line -> {
            InitiativeKey key = InitiativeKey.of(line.fiscalYear(), line.department(), line.name());
            return new Object[]{key.fiscalYear().value(), key.department(), key.name(), line.id().value()};
        }).toList();
        int[][] inserted = jdbcTemplate.batchUpdate("""
                        INSERT INTO initiative_key (fiscal_year, department_key, name_key, initiative_id)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""", rows, 1000,
                (ps, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                });
        int index = 0;
        for (int[] chunk : inserted) {
            for (int count : chunk) {
                if (count == 0) {
                    PastLine line = lines.get(index);
                    InitiativeKey key = InitiativeKey.of(line.fiscalYear(), line.department(), line.name());
                    String existing = jdbc.sql("SELECT initiative_id FROM initiative_key WHERE fiscal_year = ? AND department_key = ? AND name_key = ?")
                            .params(key.fiscalYear().value(), key.department(), key.name()).query(String.class).single();
                    throw new DuplicateInitiativeException(key, InitiativeId.of(existing));
                }
                index++;
            }
        }
    }
}
