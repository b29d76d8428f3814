package jp.budgetledger.app.reports;

import jp.budgetledger.app.projection.ProjectionProgress;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.projections.ProjectionNames;
import jp.budgetledger.projections.budgets.SupplementaryBudgetQueries;
import jp.budgetledger.projections.budgets.SupplementaryBudgetView;
import jp.budgetledger.projections.temporal.Moment;
import jp.budgetledger.projections.temporal.TemporalQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stages of a fiscal year's budget: the initial budget (当初), then each supplementary budget
 * (補正) in force, in the order they came into force (a submitted or rejected bill is no stage). A stage's figures are the fiscal year's budget as the ledger knew
 * it just before the stage's first event ("before") and right after its last ("after"), read
 * from the bitemporal model, so that every other change recorded in between counts where it
 * happened. Every stage leaves out the lines carried from the year before (繰越明許費, 事故繰越し): they are outside the year's
 * budget, in its 当初 and in each 補正's before and after alike.
 */
@Service
public class Stages {

    public static final String INITIAL = "initial";
    /** The figures as if every submitted bill of the year passed as submitted. */
    public static final String PROPOSED = "proposed";

    private final SupplementaryBudgetQueries budgets;
    private final TemporalQueries temporal;
    private final JdbcClient jdbc;
    private final ProjectionProgress progress;

    public Stages(SupplementaryBudgetQueries budgets, TemporalQueries temporal, JdbcClient jdbc, ProjectionProgress progress) {
        this.budgets = budgets;
        this.temporal = temporal;
        this.jdbc = jdbc;
        this.progress = progress;
    }

    /**
     * The moment whose figures a {@code stage} parameter asks for: after that stage (a supplementary budget in force), or for
     * {@link #PROPOSED} the current budget with every submitted bill's items as if passed.
     */
    public Moment moment(FiscalYear fiscalYear, String stage) {
        if (PROPOSED.equals(stage)) {
            return Moment.proposed(fiscalYear, Instant.now());
        }
        List<SupplementaryBudgetView> all = budgets.inForceOfYear(fiscalYear.value());
        if (INITIAL.equals(stage)) {
            Instant end = all.isEmpty() ? Instant.now() : startOf(all.get(0)).minusNanos(1_000_000);
            return Moment.initialOf(fiscalYear, beforeContinuingCarries(fiscalYear, end));
        }
        SupplementaryBudgetView budget = all.stream().filter(b -> b.id().equals(stage)).findFirst()
                .orElseThrow(() -> new InvalidValueException("stage", "fiscal year " + fiscalYear.value()
                        + " has no supplementary budget in force " + stage
                        + " (use 'initial', 'proposed' or the id of one of its supplementary budgets in force)"));
        return Moment.budgetOf(fiscalYear, budget.inForceAt());
    }

    /** The year's budget just before supplementary budget {@code budget} (in force) came into force. */
    public Moment before(SupplementaryBudgetView budget) {
        return Moment.budgetOf(FiscalYear.of(budget.fiscalYear()), startOf(budget).minusNanos(1_000_000));
    }

    /** A {@code stage} parameter in words: 当初予算, the supplementary budget's name, or 補正予算案を可決したものとした場合. */
    public String name(FiscalYear fiscalYear, String stage) {
        if (INITIAL.equals(stage)) {
            return "当初予算";
        }
        if (PROPOSED.equals(stage)) {
            return "提出中の補正予算案を可決したものとした場合";
        }
        return budgets.inForceOfYear(fiscalYear.value()).stream().filter(b -> b.id().equals(stage)).findFirst()
                .map(b -> b.name() + "の議決後").orElse(stage);
    }

    /** Per line, department and category: the amount before, the change and the amount after. */
    public record Row(String key, String label, long beforeYen, long changeYen, long afterYen) {
    }

    public record Stage(String stage, String name, String reference, java.time.LocalDate resolvedOn, Instant recordedAt,
                        long beforeYen, long changeYen, long afterYen, List<Row> lines, List<Row> departments, List<Row> categories) {
    }

    public record Report(int fiscalYear, List<Stage> stages) {
    }

    public Report report(FiscalYear fiscalYear) {
        List<Stage> stages = new ArrayList<>();
        Moment initial = moment(fiscalYear, INITIAL);
        stages.add(stage(fiscalYear, INITIAL, "当初予算", null, null, null, Moment.endOf(fiscalYear, Instant.EPOCH), initial));
        for (SupplementaryBudgetView budget : budgets.inForceOfYear(fiscalYear.value())) {
            Moment before = Moment.budgetOf(fiscalYear, startOf(budget).minusNanos(1_000_000));
            Moment after = Moment.budgetOf(fiscalYear, budget.inForceAt());
            stages.add(stage(fiscalYear, budget.id(), budget.name(), budget.reference(), budget.resolvedOn(), budget.inForceAt(),
                    before, after));
        }
        return new Report(fiscalYear.value(), stages);
    }

    private Stage stage(FiscalYear year, String id, String name, String reference, java.time.LocalDate resolvedOn, Instant recordedAt,
                        Moment before, Moment after) {
        Map<String, long[]> lines = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (var line : temporal.lines(year, before, null, null)) {
            lines.computeIfAbsent(line.id(), k -> new long[2])[0] = line.amountYen();
            labels.put(line.id(), line.department() + " " + line.name());
        }
        for (var line : temporal.lines(year, after, null, null)) {
            lines.computeIfAbsent(line.id(), k -> new long[2])[1] = line.amountYen();
            labels.put(line.id(), line.department() + " " + line.name());
        }
        List<Row> lineRows = lines.entrySet().stream()
                .filter(e -> e.getValue()[0] != e.getValue()[1])
                .map(e -> row(e.getKey(), labels.get(e.getKey()), e.getValue()[0], e.getValue()[1])).toList();
        List<Row> departments = merge(
                toMap(temporal.byDepartment(year, before).stream().map(d -> Map.entry(d.department(), d.totalYen())).toList()),
                toMap(temporal.byDepartment(year, after).stream().map(d -> Map.entry(d.department(), d.totalYen())).toList()));
        List<Row> categories = merge(
                toMap(temporal.byCategory(year, before).stream().map(c -> Map.entry(c.categoryCode(), c.totalYen())).toList()),
                toMap(temporal.byCategory(year, after).stream().map(c -> Map.entry(c.categoryCode(), c.totalYen())).toList()));
        long beforeTotal = temporal.total(year, before).totalYen();
        long afterTotal = temporal.total(year, after).totalYen();
        return new Stage(id, name, reference, resolvedOn, recordedAt, beforeTotal, afterTotal - beforeTotal, afterTotal,
                lineRows, departments, categories);
    }

    private static Map<String, Long> toMap(List<Map.Entry<String, Long>> entries) {
        Map<String, Long> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    private static List<Row> merge(Map<String, Long> before, Map<String, Long> after) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        return keys.stream().map(k -> row(k, k, before.getOrDefault(k, 0L), after.getOrDefault(k, 0L))).toList();
    }

    private static Row row(String key, String label, long before, long after) {
        return new Row(key, label, before, after - before, after);
    }

    /**
     * A 逓次繰越 of a 継続費 into the year (an amendment caused by the 継続費) is no part of its 当初: the initial figures end before
     * the first of them was recorded, when that is before {@code end}.
     */
    private Instant beforeContinuingCarries(FiscalYear fiscalYear, Instant end) {
        return jdbc.sql("SELECT min(recorded_at) FROM line_movement WHERE kind = ? AND effective_on BETWEEN ? AND ?")
                .params(jp.budgetledger.core.api.ChangeCause.CONTINUING_EXPENSE, fiscalYear.firstDay(), fiscalYear.lastDay())
                .query((rs, i) -> rs.getObject(1, java.time.OffsetDateTime.class))
                .optional().filter(java.util.Objects::nonNull).map(t -> t.toInstant().minusNanos(1_000_000)).filter(t -> t.isBefore(end))
                .orElse(end);
    }

    /**
     * When the first event of the command that put the supplementary budget in force was recorded: all the events of its
     * enactment, resolution or 専決処分 share that command.
     */
    private Instant startOf(SupplementaryBudgetView budget) {
        progress.awaitPosition(ProjectionNames.AUDIT_LOG, budget.inForcePosition(), Duration.ofSeconds(10));
        return jdbc.sql("""
                        SELECT min(recorded_at) FROM audit_event
                        WHERE causation_id = (SELECT causation_id FROM audit_event WHERE position = ?)""")
                .param(budget.inForcePosition())
                .query((rs, i) -> rs.getObject(1, java.time.OffsetDateTime.class))
                .optional().map(java.time.OffsetDateTime::toInstant).orElse(budget.inForceAt());
    }
}
