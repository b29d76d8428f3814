package jp.budgetledger.app.years;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.domain.YearEndRules;
import jp.budgetledger.projections.years.FiscalYearQueries;
import jp.budgetledger.projections.years.FiscalYearTransition;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Each fiscal year's state at a moment: its phase by the calendar on that day (執行中 until 31 March N+1, 出納整理期間 until
 * 31 May N+1, ended after), whether it was closed (確定) then, by whom, why and with which seal, its reopenings, and a
 * reopening waiting for approval then. From the read model of the years' life, as recorded up to that moment.
 */
@Service
public class FiscalYearStates {

    public static final String OPEN = "open";
    public static final String SETTLEMENT = "settlement";
    public static final String ENDED = "ended";

    private final FiscalYearQueries queries;
    private final ZoneId zone;

    public FiscalYearStates(FiscalYearQueries queries, FiscalYears years) {
        this.queries = queries;
        this.zone = years.zone();
    }

    public record Period(LocalDate firstDay, LocalDate lastDay) {
    }

    /** The seal of a close: the signed tree head kept with it. */
    public record Seal(long treeSize, String rootHash, String signedAt, String keyId, String signature, long position, Instant sealedAt) {
    }

    /** A reopening: when, asked by whom and approved by whom, why. */
    public record Reopening(Instant reopenedAt, LocalDate reopenedOn, String requestedBy, String approvedBy, String draftId, String reason,
                            long position) {
    }

    /** A reopening waiting for approval. */
    public record PendingReopening(String draftId, String requestedBy, Instant requestedAt, String reason) {
    }

    public record YearState(int fiscalYear, String japaneseName, Period period, LocalDate settlementEnd,
                            @Schema(allowableValues = {OPEN, SETTLEMENT, ENDED}, description = "By the calendar, on the day of asOf (Japan time)")
                            String phase,
                            @Schema(description = "確定: closed at asOf") boolean closed, Instant closedAt, LocalDate closedOn, String closedBy,
                            String reason, String reference, Boolean forced, Long closePosition, Seal seal, List<Reopening> reopenings,
                            PendingReopening pendingReopening,
                            @JsonInclude(JsonInclude.Include.NON_NULL)
                            @Schema(description = "GET /api/fiscal-years/{fiscalYear} only: every close, seal and reopening recorded by asOf")
                            List<YearHistoryEntry> history) {

        YearState withHistory(List<YearHistoryEntry> entries) {
            return new YearState(fiscalYear, japaneseName, period, settlementEnd, phase, closed, closedAt, closedOn, closedBy, reason, reference,
                    forced, closePosition, seal, reopenings, pendingReopening, entries);
        }
    }

    /** One event of a year's life as its history lists it. */
    public record YearHistoryEntry(@Schema(allowableValues = {FiscalYearTransition.CLOSED, FiscalYearTransition.SEALED, FiscalYearTransition.REOPENED})
                               String kind, long position, Instant recordedAt, LocalDate effectiveDate, String actor, String approvedBy,
                               String reason, String reference, Boolean forced, Long treeSize, String rootHash) {
    }

    /** Every year that has a line or was ever closed, newest first, as at {@code asOf}. */
    public List<YearState> all(Instant asOf) {
        Map<Integer, List<FiscalYearTransition>> transitions = queries.transitions(null, asOf).stream()
                .collect(Collectors.groupingBy(FiscalYearTransition::fiscalYear, TreeMap::new, Collectors.toList()));
        Map<Integer, FiscalYearQueries.PendingReopening> pending = pending(asOf);
        List<Integer> years = new ArrayList<>(queries.knownYears());
        transitions.keySet().stream().filter(y -> !years.contains(y)).forEach(years::add);
        return years.stream().sorted(java.util.Comparator.reverseOrder())
                .map(y -> state(FiscalYear.of(y), transitions.getOrDefault(y, List.of()), pending.get(y), asOf)).toList();
    }

    /** The year's state at {@code asOf} with every close, seal and reopening recorded by then, in the order recorded. */
    public YearState of(FiscalYear year, Instant asOf) {
        List<FiscalYearTransition> transitions = queries.transitions(year.value(), asOf);
        YearState state = state(year, transitions, pending(asOf).get(year.value()), asOf);
        return state.withHistory(transitions.stream().map(t -> new YearHistoryEntry(t.kind(), t.position(), t.recordedAt(),
                t.effectiveDate(), t.actor(), t.approvedBy(), t.reason(), t.reference(), t.forced(), t.treeSize(), t.rootHash())).toList());
    }

    private Map<Integer, FiscalYearQueries.PendingReopening> pending(Instant asOf) {
        return queries.pendingReopenings(asOf).stream()
                .collect(Collectors.toMap(FiscalYearQueries.PendingReopening::fiscalYear, p -> p, (first, later) -> first));
    }

    private YearState state(FiscalYear year, List<FiscalYearTransition> transitions, FiscalYearQueries.PendingReopening pending, Instant asOf) {
        LocalDate day = LocalDate.ofInstant(asOf, zone);
        LocalDate settlementEnd = YearEndRules.settlementEnd(year);
        String phase = !day.isAfter(year.lastDay()) ? OPEN : !day.isAfter(settlementEnd) ? SETTLEMENT : ENDED;
        Optional<FiscalYearTransition> close = transitions.stream().filter(t -> !t.isSeal()).reduce((first, second) -> second)
                .filter(FiscalYearTransition::isClose);
        Seal seal = close.flatMap(c -> transitions.stream().filter(t -> t.isSeal() && t.closeSequence() == c.sequence()).findFirst())
                .map(s -> new Seal(s.treeSize(), s.rootHash(), s.signedAt(), s.keyId(), s.signature(), s.position(), s.recordedAt()))
                .orElse(null);
        List<Reopening> reopenings = transitions.stream().filter(FiscalYearTransition::isReopening)
                .map(t -> new Reopening(t.recordedAt(), t.effectiveDate(), t.actor(), t.approvedBy(), t.draftId(), t.reason(), t.position()))
                .toList();
        PendingReopening waiting = pending == null ? null
                : new PendingReopening(pending.draftId(), pending.requester(), pending.requestedAt(), pending.reason());
        FiscalYearTransition c = close.orElse(null);
        return new YearState(year.value(), year.japaneseName(), new Period(year.firstDay(), year.lastDay()), settlementEnd, phase,
                c != null, c == null ? null : c.recordedAt(), c == null ? null : c.effectiveDate(), c == null ? null : c.actor(),
                c == null ? null : c.reason(), c == null ? null : c.reference(), c == null ? null : c.forced(),
                c == null ? null : c.position(), seal, reopenings, waiting, null);
    }
}
