package jp.budgetledger.projections.totals;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.projections.ProjectionNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps {@code department_total} and {@code category_total}. Events are sequenced per fiscal
 * year ({@link FiscalYearSequencingPolicy}). The changes of a whole processing batch are summed in
 * memory per department and per category and written with one upsert each when the batch commits,
 * in the transaction that also advances the processor's token, so every event counts exactly once
 * and a replay writes a handful of rows per batch instead of two per event.
 */
@Component
@ProcessingGroup(ProjectionNames.TOTALS)
public class TotalsProjection {

    private static final String BATCH = TotalsProjection.class.getName() + ".batch";
    private final JdbcClient jdbc;

    public TotalsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record DepartmentKey(int fiscalYear, String department) {
    }

    private record CategoryKey(int fiscalYear, String code) {
    }

    private static final class Change {
        long amount;
        int count;
        long firstPosition = Long.MAX_VALUE;
        String name;
    }

    /** The changes of one batch, not yet written. */
    private static final class Batch {
        final Map<DepartmentKey, Change> departments = new LinkedHashMap<>();
        final Map<CategoryKey, Change> categories = new LinkedHashMap<>();

        void department(int year, String department, long amount, int count, TrackingToken token) {
            Change change = departments.computeIfAbsent(new DepartmentKey(year, department), k -> new Change());
            change.amount = Math.addExact(change.amount, amount);
            change.count += count;
            if (token != null) {
                change.firstPosition = Math.min(change.firstPosition, token.position().orElse(0L));
            }
        }

        void category(int year, String code, String name, long amount, int count) {
            Change change = categories.computeIfAbsent(new CategoryKey(year, code), k -> new Change());
            change.amount = Math.addExact(change.amount, amount);
            change.count += count;
            if (name != null) {
                change.name = name;
            }
        }
    }

    @EventHandler
    void on(InitiativeAdded event, TrackingToken token) {
        Batch batch = batch();
        int year = event.fiscalYear().value();
        batch.department(year, event.department().name(), event.amount().yen(), 1, token);
        batch.category(year, event.category().code(), event.category().name(), event.amount().yen(), 1);
        flushUnlessBatched(batch);
    }

    @EventHandler
    void on(AmountAmended event) {
        Batch batch = batch();
        int year = event.fiscalYear().value();
        long delta = event.delta().yen();
        batch.department(year, event.department().name(), delta, 0, null);
        batch.category(year, event.category().code(), null, delta, 0);
        flushUnlessBatched(batch);
    }

    @EventHandler
    void on(InitiativeWithdrawn event) {
        Batch batch = batch();
        int year = event.fiscalYear().value();
        batch.department(year, event.department().name(), -event.amountBefore().yen(), -1, null);
        batch.category(year, event.category().code(), null, -event.amountBefore().yen(), -1);
        flushUnlessBatched(batch);
    }

    @EventHandler
    void on(InitiativeReassigned event, TrackingToken token) {
        Batch batch = batch();
        int year = event.fiscalYear().value();
        long amount = event.amount().yen();
        batch.department(year, event.departmentBefore().name(), -amount, -1, null);
        batch.category(year, event.categoryBefore().code(), null, -amount, -1);
        batch.department(year, event.departmentAfter().name(), amount, 1, token);
        batch.category(year, event.categoryAfter().code(), event.categoryAfter().name(), amount, 1);
        flushUnlessBatched(batch);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE department_total, category_total").update();
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Batch();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            root.onPrepareCommit(unitOfWork -> flush(batch));
            return batch;
        });
    }

    /** Outside a unit of work (a direct call), the change is written at once. */
    private void flushUnlessBatched(Batch batch) {
        if (!CurrentUnitOfWork.isStarted()) {
            flush(batch);
        }
    }

    private void flush(Batch batch) {
        batch.departments.forEach((key, change) -> jdbc.sql("""
                        INSERT INTO department_total (fiscal_year, department, total_yen, initiative_count, first_position)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (fiscal_year, department) DO UPDATE
                        SET total_yen = department_total.total_yen + EXCLUDED.total_yen,
                            initiative_count = department_total.initiative_count + EXCLUDED.initiative_count,
                            first_position = least(department_total.first_position, EXCLUDED.first_position)""")
                .params(key.fiscalYear(), key.department(), change.amount, change.count,
                        change.firstPosition == Long.MAX_VALUE ? Long.MAX_VALUE : change.firstPosition)
                .update());
        batch.categories.forEach((key, change) -> jdbc.sql("""
                        INSERT INTO category_total (fiscal_year, category_code, category_name, total_yen, initiative_count)
                        VALUES (?, ?, coalesce(?, ''), ?, ?)
                        ON CONFLICT (fiscal_year, category_code) DO UPDATE
                        SET total_yen = category_total.total_yen + EXCLUDED.total_yen,
                            initiative_count = category_total.initiative_count + EXCLUDED.initiative_count,
                            category_name = coalesce(?, category_total.category_name)""")
                .params(key.fiscalYear(), key.code(), change.name, change.amount, change.count, change.name)
                .update());
        batch.departments.clear();
        batch.categories.clear();
    }
}
