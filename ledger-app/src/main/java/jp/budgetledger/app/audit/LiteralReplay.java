package jp.budgetledger.app.audit;

import jp.budgetledger.app.eventstore.StoredEvents;
import jp.budgetledger.app.projection.ProjectionProgress;
import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.projections.ProjectionNames;
import jp.budgetledger.projections.temporal.LineFilter;
import jp.budgetledger.projections.temporal.Moment;
import jp.budgetledger.projections.temporal.TemporalQueries;
import jp.budgetledger.projections.totals.CategoryTotal;
import jp.budgetledger.projections.totals.DepartmentTotal;
import jp.budgetledger.projections.totals.FiscalYearTotal;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Replays the raw event stream of the event store (not any projection) up to an instant, folds
 * it into the budget in force on a day, and sets it beside the temporal read model for the same
 * moment. The fold is written independently of the read model: each change of amount is a
 * difference that holds from its effective date; a department or category set from a day holds
 * from then on, replacing what was recorded for later days (so does a 会計/科目 classification, whose
 * totals per 款, 項 and 目 are compared too); a line counts from the day it takes
 * effect until the day it is withdrawn.
 */
@Service
public class LiteralReplay {

    private final EventStorageEngine storageEngine;
    private final TemporalQueries temporal;
    private final ProjectionProgress progress;
    private final StoredEvents store;

    public LiteralReplay(EventStorageEngine storageEngine, TemporalQueries temporal, ProjectionProgress progress, StoredEvents store) {
        this.storageEngine = storageEngine;
        this.temporal = temporal;
        this.progress = progress;
        this.store = store;
    }

    public ReplayReport replay(FiscalYear fiscalYear, Moment moment) {
        long head = store.head();
        if (head > 0 && !progress.awaitPosition(ProjectionNames.TEMPORAL, head, Duration.ofSeconds(60))) {
            throw new IllegalStateException("the temporal read model did not reach position " + head + " within a minute");
        }
        LocalDate day = moment.effectiveWithin(fiscalYear);
        Map<String, Line> lines = new HashMap<>();
        long started = System.nanoTime();
        long read = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = storageEngine.readEvents(null, false)) {
            var iterator = stream.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (event.trackingToken().position().orElse(0) > head) {
                    break;
                }
                read++;
                if (event.getTimestamp().isAfter(moment.asOf())) {
                    continue;
                }
                Object payload = event.getPayload();
                if (payload instanceof InitiativeAdded added && added.fiscalYear().equals(fiscalYear)) {
                    Line line = new Line(added.change().effectiveDate());
                    line.changes.merge(added.change().effectiveDate(), added.amount().yen(), Long::sum);
                    line.departments.put(added.change().effectiveDate(), added.department().name());
                    line.categories.put(added.change().effectiveDate(), Category.codeOf(added.category()));
                    line.classifications.put(added.change().effectiveDate(), Optional.ofNullable(added.classification()));
                    lines.put(added.initiativeId().value(), line);
                } else if (payload instanceof AmountAmended amended && amended.fiscalYear().equals(fiscalYear)) {
                    Line line = lines.get(amended.initiativeId().value());
                    if (line != null) {
                        line.changes.merge(amended.change().effectiveDate(), amended.delta().yen(), Long::sum);
                    }
                } else if (payload instanceof InitiativeWithdrawn withdrawn && withdrawn.fiscalYear().equals(fiscalYear)) {
                    Line line = lines.get(withdrawn.initiativeId().value());
                    if (line != null) {
                        line.withdrawnFrom = withdrawn.change().effectiveDate();
                    }
                } else if (payload instanceof InitiativeReassigned moved && moved.fiscalYear().equals(fiscalYear)) {
                    Line line = lines.get(moved.initiativeId().value());
                    if (line != null) {
                        LocalDate from = moved.change().effectiveDate();
                        setFrom(line.departments, from, moved.departmentAfter().name());
                        setFrom(line.categories, from, Category.codeOf(moved.categoryAfter()));
                        if (moved.classificationAfter() != null) {
                            setFrom(line.classifications, from, Optional.of(moved.classificationAfter()));
                        }
                    }
                }
            }
        }
        long millis = Math.max(1, Duration.ofNanos(System.nanoTime() - started).toMillis());

        Map<String, Long> departments = new TreeMap<>();
        Map<String, Long> categories = new TreeMap<>();
        Map<String, Long> subjects = new TreeMap<>();
        long total = 0;
        int count = 0;
        for (Line line : lines.values()) {
            if (line.from.isAfter(day) || (line.withdrawnFrom != null && !day.isBefore(line.withdrawnFrom))) {
                continue;
            }
            long amount = line.changes.headMap(day, true).values().stream().mapToLong(Long::longValue).sum();
            departments.merge(line.departments.floorEntry(day).getValue(), amount, Long::sum);
            String category = line.categories.floorEntry(day).getValue();
            if (category != null) {
                categories.merge(category, amount, Long::sum);
            }
            line.classifications.floorEntry(day).getValue().ifPresent(c -> addSubjects(subjects, c, amount));
            total += amount;
            count++;
        }
        ReplayReport.Totals replayed = new ReplayReport.Totals(total, count, departments, categories, subjects);
        Map<String, Long> modelSubjects = new TreeMap<>();
        temporal.paths(fiscalYear, moment, LineFilter.ALL).stream().filter(p -> p.classification() != null)
                .forEach(p -> addSubjects(modelSubjects, p.classification(), p.totalYen()));
        FiscalYearTotal modelTotal = temporal.total(fiscalYear, moment);
        ReplayReport.Totals model = new ReplayReport.Totals(modelTotal.totalYen(), modelTotal.initiativeCount(),
                temporal.byDepartment(fiscalYear, moment).stream()
                        .collect(Collectors.toMap(DepartmentTotal::department, DepartmentTotal::totalYen, Long::sum, TreeMap::new)),
                temporal.byCategory(fiscalYear, moment).stream()
                        .collect(Collectors.toMap(CategoryTotal::categoryCode, CategoryTotal::totalYen, Long::sum, TreeMap::new)),
                modelSubjects);
        List<String> differences = differences(replayed, model);
        return new ReplayReport(fiscalYear.value(), moment.asOf(), day, head, read, millis, read * 1000 / millis,
                replayed, model, differences, differences.isEmpty());
    }

    private static List<String> differences(ReplayReport.Totals replay, ReplayReport.Totals model) {
        List<String> differences = new ArrayList<>();
        if (replay.totalYen() != model.totalYen()) {
            differences.add("total: replay " + replay.totalYen() + " yen, read model " + model.totalYen() + " yen");
        }
        if (replay.initiativeCount() != model.initiativeCount()) {
            differences.add("lines: replay " + replay.initiativeCount() + ", read model " + model.initiativeCount());
        }
        compare("department", replay.departmentsYen(), model.departmentsYen(), differences);
        compare("category", replay.categoriesYen(), model.categoriesYen(), differences);
        compare("subject", replay.subjectsYen(), model.subjectsYen(), differences);
        return differences;
    }

    private static void compare(String kind, Map<String, Long> replay, Map<String, Long> model, List<String> differences) {
        TreeSet<String> keys = new TreeSet<>(replay.keySet());
        keys.addAll(model.keySet());
        for (String key : keys) {
            Long a = replay.get(key);
            Long b = model.get(key);
            if (a == null || !a.equals(b)) {
                differences.add(kind + " " + key + ": replay " + a + " yen, read model " + b + " yen");
            }
        }
    }

    /**
     * Adds a line's amount to its 款, 項 and 目, keyed {@code 会計|side|款}, {@code 会計|side|款/項} and
     * {@code 会計|side|款/項/目} by the levels' keys.
     */
    private static void addSubjects(Map<String, Long> subjects, Classification c, long amount) {
        String prefix = c.account().key() + "|" + c.side().code() + "|";
        String kan = c.subject().kan().key();
        String kou = kan + "/" + c.subject().kou().key();
        for (String key : List.of(kan, kou, kou + "/" + c.subject().moku().key())) {
            subjects.merge(prefix + key, amount, Long::sum);
        }
    }

    /** An attribute set from a day on replaces whatever was recorded for that day and after. */
    private static <T> void setFrom(TreeMap<LocalDate, T> timeline, LocalDate from, T value) {
        timeline.tailMap(from, true).clear();
        timeline.put(from, value);
    }

    private static final class Line {
        final LocalDate from;
        final TreeMap<LocalDate, Long> changes = new TreeMap<>();
        final TreeMap<LocalDate, String> departments = new TreeMap<>();
        final TreeMap<LocalDate, String> categories = new TreeMap<>();
        final TreeMap<LocalDate, Optional<Classification>> classifications = new TreeMap<>();
        LocalDate withdrawnFrom;

        Line(LocalDate from) {
            this.from = from;
        }
    }
}
