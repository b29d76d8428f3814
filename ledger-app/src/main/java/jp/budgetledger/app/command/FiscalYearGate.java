package jp.budgetledger.app.command;

import jp.budgetledger.core.api.ChangeDrafted;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.FiscalYearClosed;
import jp.budgetledger.core.api.FiscalYearReopened;
import jp.budgetledger.core.api.LedgerEvent;
import jp.budgetledger.core.domain.YearEndRules;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Applies {@link YearEndRules} to the events of every unit of work as it prepares to commit, before they are appended, in its
 * transaction: a refused unit of work fails with the rule's exception and records nothing. A draft ({@link ChangeDrafted}) is
 * checked for the fiscal year its proposal changes. For each fiscal year of the
 * events it takes a transaction-scoped advisory lock, shared for ordinary events and exclusive for a close or a
 * reopening, so that a change of a year either commits before the year's close is appended or sees the year closed (in the
 * years' order; the shared locks of a unit of work of ordinary events in one statement, however many years it changes). A
 * close or a reopening updates {@code fiscal_year_state} under that lock.
 * <p>
 * The day an event is recorded is its timestamp's date in {@code ledger.calendar.zone} (Japan time by default).
 */
@Component
public class FiscalYearGate implements MessageDispatchInterceptor<EventMessage<?>> {

    /** The first key of the advisory locks on fiscal years ('FY'); the second is the year. */
    private static final int LOCK_CLASS = 0x4659;

    private final JdbcClient jdbc;
    private final ZoneId zone;

    public FiscalYearGate(JdbcClient jdbc, @Value("${ledger.calendar.zone:Asia/Tokyo}") ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        List<LedgerEvent> events = new ArrayList<>(messages.size());
        List<ChangeDrafted> drafts = new ArrayList<>();
        Instant recordedAt = null;
        for (EventMessage<?> message : messages) {
            if (message.getPayload() instanceof LedgerEvent event) {
                events.add(event);
            } else if (message.getPayload() instanceof ChangeDrafted drafted && drafted.fiscalYear() != null) {
                drafts.add(drafted);
            } else {
                continue;
            }
            recordedAt = recordedAt == null ? message.getTimestamp() : recordedAt;
        }
        if (recordedAt != null) {
            check(events, drafts, recordedAt);
        }
        return (index, message) -> message;
    }

    private void check(List<LedgerEvent> events, List<ChangeDrafted> drafts, Instant recordedAt) {
        Map<FiscalYear, Boolean> exclusive = new TreeMap<>();
        for (LedgerEvent event : events) {
            boolean changesState = event instanceof FiscalYearClosed || event instanceof FiscalYearReopened;
            exclusive.merge(event.fiscalYear(), changesState, Boolean::logicalOr);
        }
        drafts.forEach(draft -> exclusive.merge(draft.fiscalYear(), false, Boolean::logicalOr));
        if (exclusive.containsValue(true)) {
            exclusive.forEach((year, lockExclusively) -> jdbc.sql(lockExclusively
                            ? "SELECT pg_advisory_xact_lock(?, ?)" : "SELECT pg_advisory_xact_lock_shared(?, ?)")
                    .param(LOCK_CLASS).param(year.value()).query().singleRow());
        } else {
            Integer[] years = exclusive.keySet().stream().map(FiscalYear::value).toArray(Integer[]::new);
            jdbc.sql("SELECT pg_advisory_xact_lock_shared(?, year) FROM unnest(?::integer[]) AS y (year)")
                    .param(LOCK_CLASS).param(years).query().listOfRows();
        }
        Set<FiscalYear> closed = closedAmong(exclusive.keySet());
        LocalDate recordedOn = LocalDate.ofInstant(recordedAt, zone);
        YearEndRules.check(events, closed::contains, recordedOn);
        drafts.forEach(draft -> YearEndRules.checkDraft(draft, closed::contains, recordedOn));
        for (LedgerEvent event : events) {
            if (event instanceof FiscalYearClosed close) {
                record(close.fiscalYear(), true, recordedAt);
            } else if (event instanceof FiscalYearReopened reopened) {
                record(reopened.fiscalYear(), false, recordedAt);
            }
        }
    }

    private Set<FiscalYear> closedAmong(Collection<FiscalYear> years) {
        Integer[] values = years.stream().map(FiscalYear::value).toArray(Integer[]::new);
        return new HashSet<>(jdbc.sql("SELECT fiscal_year FROM fiscal_year_state WHERE closed AND fiscal_year = ANY (?)")
                .param(values).query((rs, i) -> FiscalYear.of(rs.getInt(1))).list());
    }

    private void record(FiscalYear year, boolean closed, Instant at) {
        jdbc.sql("""
                        INSERT INTO fiscal_year_state (fiscal_year, closed, changed_at) VALUES (?, ?, ?)
                        ON CONFLICT (fiscal_year) DO UPDATE SET closed = excluded.closed, changed_at = excluded.changed_at""")
                .param(year.value()).param(closed).param(Timestamp.from(at)).update();
    }

    /** Replaces the table with the states {@code closes} leave (a restore), in the caller's transaction. */
    public void rebuild(Map<FiscalYear, YearState> states) {
        jdbc.sql("DELETE FROM fiscal_year_state").update();
        states.forEach((year, state) -> record(year, state.closed(), state.changedAt()));
    }

    /** A fiscal year's state as its last close or reopening left it. */
    public record YearState(boolean closed, Instant changedAt) {
    }
}
