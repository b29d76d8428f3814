package jp.budgetledger.app.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jp.budgetledger.app.command.AccountBalanceGuard;
import jp.budgetledger.app.command.FiscalYearGate;
import jp.budgetledger.app.command.JdbcSubjectTable;
import jp.budgetledger.app.command.JdbcSupplementaryBudgetNumbers;
import jp.budgetledger.app.eventstore.EventHashes;
import jp.budgetledger.app.eventstore.StoredEvents;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.FiscalYearClosed;
import jp.budgetledger.core.api.FiscalYearReopened;
import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.InitiativeRevised;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.SupplementaryBudgetSubmitted;
import jp.budgetledger.core.domain.InitiativeKey;
import jp.budgetledger.core.domain.SubjectNames;
import jp.budgetledger.core.domain.SupplementaryBudgetNumbers;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code export-events} and {@code import-events}. The export streams every row of the event store
 * in position order as one JSON object per line (NDJSON), with payload and metadata as the exact
 * UTF-8 text stored and the event's hash; the import writes the rows back, at the same positions
 * and byte for byte, into an empty store, checking each hash on the way, and then rebuilds the
 * command side's uniqueness registry, 科目 table and 会計 balances from the events. The read models rebuild themselves from the
 * restored events; verify and every digest taken before still match.
 */
@Service
public class EventBackup {

    private static final int BATCH = 1_000;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private final EventStorageEngine storageEngine;
    private final StoredEvents store;
    private final JdbcSubjectTable subjects;
    private final AccountBalanceGuard balances;
    private final JdbcSupplementaryBudgetNumbers numbers;
    private final FiscalYearGate fiscalYears;

    public EventBackup(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions, EventStorageEngine storageEngine,
                       StoredEvents store, JdbcSubjectTable subjects, AccountBalanceGuard balances, JdbcSupplementaryBudgetNumbers numbers,
                       FiscalYearGate fiscalYears) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
        this.storageEngine = storageEngine;
        this.store = store;
        this.subjects = subjects;
        this.balances = balances;
        this.numbers = numbers;
        this.fiscalYears = fiscalYears;
    }

    /** One exported event. */
    record Row(long position, String aggregateIdentifier, long sequenceNumber, String type, String eventIdentifier, String timeStamp,
               String payloadType, String payloadRevision, String payload, String metaData, String hash) {
    }

    /** Writes every event as NDJSON to {@code out}, reading in pages; returns the number of events. */
    public long export(OutputStream out) {
        long count = 0;
        long after = 0;
        try (JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
            generator.setRootValueSeparator(null);
            while (true) {
                List<Row> rows = store.page(after, Long.MAX_VALUE, BATCH).stream().map(r -> {
                    Object hash = EventHashes.parseMetadata(r.metaData()).get("hash");
                    return new Row(r.position(), r.aggregateIdentifier(), r.sequenceNumber(), r.type(), r.eventIdentifier(), r.timeStamp(),
                            r.payloadType(), r.payloadRevision(), new String(r.payload(), StandardCharsets.UTF_8),
                            new String(r.metaData(), StandardCharsets.UTF_8), hash == null ? null : hash.toString());
                }).toList();
                if (rows.isEmpty()) {
                    break;
                }
                for (Row row : rows) {
                    JSON.writeValue(generator, row);
                    generator.writeRaw('\n');
                    count++;
                    after = row.position();
                }
                generator.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    /** The result of an import. */
    public record Restored(long events, long lines, long lastPosition) {
    }

    /**
     * Restores an export into an empty event store, all or nothing: every row is checked and written in one transaction, so a
     * refused or unreadable line leaves the store as empty as it was. A row is refused when it has no hash, when its bytes do not
     * match its hash, when positions do not increase, or when it breaks its aggregate's chain (sequence from 0 without gaps, and
     * {@code previousHash} equal to the hash of the aggregate's previous event, as {@code verify} checks).
     *
     * @throws IllegalStateException when the store is not empty or a row is refused, naming its line and position
     */
    public Restored restore(BufferedReader in) {
        long existing = store.count();
        if (existing > 0) {
            throw new IllegalStateException("the event store already holds " + existing + " events; restore needs an empty store");
        }
        long[] written = transactions.execute(status -> {
            try {
                long[] result = write(in);
                store.continueAfter(result[1]);
                return result;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long lines = rebuildRegistry();
        return new Restored(written[0], lines, written[1]);
    }

    /** The events of one aggregate read so far: the last sequence and hash. */
    private record Head(long sequence, String hash) {
    }

    private long[] write(BufferedReader in) throws IOException {
        long count = 0;
        long last = 0;
        Map<String, Head> heads = new HashMap<>();
        List<Row> batch = new ArrayList<>(BATCH);
        String text;
        int lineNumber = 0;
        while ((text = in.readLine()) != null) {
            lineNumber++;
            if (text.isBlank()) {
                continue;
            }
            Row row = parse(text, lineNumber);
            if (row.position() <= last) {
                throw refused(lineNumber, row, "its position does not follow the previous row's " + last);
            }
            String previousHash = check(row, lineNumber);
            Head head = heads.get(row.aggregateIdentifier());
            long expectedSequence = head == null ? 0 : head.sequence() + 1;
            if (row.sequenceNumber() != expectedSequence) {
                throw refused(lineNumber, row, "the chain of aggregate " + row.aggregateIdentifier() + " is broken: expected sequence "
                        + expectedSequence + ", found " + row.sequenceNumber());
            }
            if (!(head == null ? EventHashes.GENESIS : head.hash()).equals(previousHash)) {
                throw refused(lineNumber, row, "the chain of aggregate " + row.aggregateIdentifier()
                        + " is broken: previousHash is not the hash of its previous event");
            }
            heads.put(row.aggregateIdentifier(), new Head(row.sequenceNumber(), row.hash()));
            batch.add(row);
            last = row.position();
            count++;
            if (batch.size() == BATCH) {
                insert(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            insert(batch);
        }
        return new long[]{count, last};
    }

    private static Row parse(String text, int lineNumber) {
        try {
            return JSON.readValue(text, Row.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("line " + lineNumber + ": not an exported event (" + e.getOriginalMessage() + ")");
        }
    }

    private static IllegalStateException refused(int lineNumber, Row row, String reason) {
        return new IllegalStateException("line " + lineNumber + " (position " + row.position() + "): " + reason);
    }

    /** Checks the row's hash and returns the {@code previousHash} its metadata names. */
    private static String check(Row row, int lineNumber) {
        if (row.hash() == null || row.hash().isBlank()) {
            throw refused(lineNumber, row, "the row has no hash");
        }
        var metadata = EventHashes.parseMetadata(row.metaData().getBytes(StandardCharsets.UTF_8));
        String actual = EventHashes.hash(new EventHashes.StoredEvent(row.aggregateIdentifier(), row.sequenceNumber(), row.eventIdentifier(),
                row.timeStamp(), row.payloadType(), row.payloadRevision(), row.payload().getBytes(StandardCharsets.UTF_8), metadata));
        if (!actual.equals(row.hash()) || !row.hash().equals(metadata.get(MetadataKeys.HASH))) {
            throw refused(lineNumber, row, "the event does not match its hash");
        }
        Object previous = metadata.get(MetadataKeys.PREVIOUS_HASH);
        return previous == null ? null : previous.toString();
    }

    private void insert(List<Row> rows) {
        List<StoredEvents.Row> stored = rows.stream().map(row -> new StoredEvents.Row(row.position(), row.aggregateIdentifier(),
                row.sequenceNumber(), row.type(), row.eventIdentifier(), row.timeStamp(), row.payloadType(), row.payloadRevision(),
                row.payload().getBytes(StandardCharsets.UTF_8), row.metaData().getBytes(StandardCharsets.UTF_8))).toList();
        store.insert(stored);
    }

    /**
     * The uniqueness registry and the 科目 table are command-side state derived from the events: each line's current fiscal
     * year, department and name or classification, the names of its classification's levels, and each classified line's
     * amount with every recorded change in the balance of its 会計, the last number of each series of supplementary budgets,
     * and which fiscal years are closed.
     */
    private static JdbcSupplementaryBudgetNumbers.Series series(FiscalYear fiscalYear, String account) {
        return new JdbcSupplementaryBudgetNumbers.Series(fiscalYear.value(), account == null ? SupplementaryBudgetNumbers.UNCLASSIFIED : account);
    }

    private long rebuildRegistry() {
        Map<String, InitiativeKey> keys = new HashMap<>();
        Map<String, FiscalYear> years = new HashMap<>();
        Map<String, Department> departments = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, Classification> classifications = new HashMap<>();
        Map<String, Long> amounts = new HashMap<>();
        Set<String> withdrawn = new HashSet<>();
        Map<JdbcSupplementaryBudgetNumbers.Series, Integer> billNumbers = new HashMap<>();
        Map<FiscalYear, FiscalYearGate.YearState> yearStates = new HashMap<>();
        try (var stream = storageEngine.readEvents(null, false)) {
            stream.forEach(event -> {
                Object payload = event.getPayload();
                if (payload instanceof InitiativeAdded added) {
                    String id = added.initiativeId().value();
                    years.put(id, added.fiscalYear());
                    departments.put(id, added.department());
                    names.put(id, added.name());
                    if (added.classification() != null) {
                        classifications.put(id, added.classification());
                        amounts.put(id, added.amount().yen());
                    }
                } else if (payload instanceof AmountAmended amended) {
                    amounts.computeIfPresent(amended.initiativeId().value(), (id, yen) -> amended.amountAfter().yen());
                } else if (payload instanceof InitiativeWithdrawn gone) {
                    withdrawn.add(gone.initiativeId().value());
                } else if (payload instanceof InitiativeRevised revised) {
                    names.put(revised.initiativeId().value(), revised.nameAfter());
                } else if (payload instanceof SupplementaryBudgetSubmitted submitted) {
                    billNumbers.merge(series(submitted.fiscalYear(), submitted.account()), submitted.number(), Math::max);
                } else if (payload instanceof SupplementaryBudgetEnacted enacted && enacted.number() != null) {
                    billNumbers.merge(series(enacted.fiscalYear(), enacted.account()), enacted.number(), Math::max);
                } else if (payload instanceof FiscalYearClosed closed) {
                    yearStates.put(closed.fiscalYear(), new FiscalYearGate.YearState(true, event.getTimestamp()));
                } else if (payload instanceof FiscalYearReopened reopened) {
                    yearStates.put(reopened.fiscalYear(), new FiscalYearGate.YearState(false, event.getTimestamp()));
                } else if (payload instanceof InitiativeReassigned moved) {
                    departments.put(moved.initiativeId().value(), moved.departmentAfter());
                    if (moved.classificationAfter() != null) {
                        classifications.put(moved.initiativeId().value(), moved.classificationAfter());
                    }
                }
            });
        }
        years.forEach((id, year) -> keys.put(id, InitiativeKey.of(year, departments.get(id), names.get(id), classifications.get(id))));
        List<Object[]> rows = keys.entrySet().stream().map(e -> new Object[]{e.getValue().fiscalYear().value(), e.getValue().department(),
                e.getValue().name(), e.getKey()}).toList();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM initiative_key").update();
            jdbcTemplate.batchUpdate("INSERT INTO initiative_key (fiscal_year, department_key, name_key, initiative_id) VALUES (?, ?, ?, ?)", rows);
            jdbc.sql("DELETE FROM subject_holder").update();
            jdbc.sql("DELETE FROM subject_name").update();
            classifications.forEach((id, classification) -> SubjectNames.claim(subjects, years.get(id), classification, InitiativeId.of(id)));
            balances.rebuild(classifications.entrySet().stream().map(e -> new AccountBalanceGuard.RebuiltLine(InitiativeId.of(e.getKey()),
                    years.get(e.getKey()), e.getValue(), amounts.get(e.getKey()), withdrawn.contains(e.getKey()))).toList());
            numbers.rebuild(billNumbers);
            fiscalYears.rebuild(yearStates);
        });
        return rows.size();
    }
}
