package jp.budgetledger.projections.totals;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.projections.StorePosition;
import jp.budgetledger.projections.ProcessingBatch;
import jp.budgetledger.projections.ProjectionNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps {@code department_total} and {@code category_total}. Events are sequenced per fiscal
 * year ({@link FiscalYearSequencingPolicy}). The changes of a whole processing batch are summed in
 * memory per department and per category and written with one upsert each when the batch commits,
 * in the transaction that also advances the processor's token, so a replay writes a handful of
 * rows per batch instead of two per event.
 * <p>
 * The totals add each event exactly once, even when the processor hands an event over again:
 * Axon's pooled processor does so when it reads its event stream again from an older position (on
 * start, or when it takes over another node's segments) for a segment whose token still waits for
 * an event that has been committed since. Each fiscal year keeps a {@link Watermark} of the store
 * positions its totals contain, written with them; an event already contained is left out.
 */
@Component
@ProcessingGroup(ProjectionNames.TOTALS)
public class TotalsProjection {

    private static final Logger log = LoggerFactory.getLogger(TotalsProjection.class);
    private final JdbcClient jdbc;
    private final ProcessingBatch<Delivery> batch;

    public TotalsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.batch = new ProcessingBatch<>(TotalsProjection.class, this::write);
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

    /** An event of the batch: its fiscal year, where the stream delivered it, and what it changes. */
    private record Delivery(long position, int fiscalYear, GapAwareTrackingToken token, Consumer<Sums> change) {
    }

    /** The changes of one batch, summed. */
    private static final class Sums {
        final Map<DepartmentKey, Change> departments = new LinkedHashMap<>();
        final Map<CategoryKey, Change> categories = new LinkedHashMap<>();
        long position;

        void department(int year, String department, long amount, int count) {
            Change change = departments.computeIfAbsent(new DepartmentKey(year, department), k -> new Change());
            change.amount = Math.addExact(change.amount, amount);
            change.count += count;
            if (count > 0) {
                change.firstPosition = Math.min(change.firstPosition, position);
            }
        }

        void category(int year, String code, String name, long amount, int count) {
            if (code == null) {
                return;
            }
            Change change = categories.computeIfAbsent(new CategoryKey(year, code), k -> new Change());
            change.amount = Math.addExact(change.amount, amount);
            change.count += count;
            if (name != null) {
                change.name = name;
            }
        }
    }

    @EventHandler
    void on(InitiativeAdded event, EventMessage<?> message, TrackingToken token) {
        int year = event.fiscalYear().value();
        deliver(message, year, token, sums -> {
            sums.department(year, event.department().name(), event.amount().yen(), 1);
            sums.category(year, Category.codeOf(event.category()), Category.nameOf(event.category()), event.amount().yen(), 1);
        });
    }

    @EventHandler
    void on(AmountAmended event, EventMessage<?> message, TrackingToken token) {
        int year = event.fiscalYear().value();
        long delta = event.delta().yen();
        deliver(message, year, token, sums -> {
            sums.department(year, event.department().name(), delta, 0);
            sums.category(year, Category.codeOf(event.category()), null, delta, 0);
        });
    }

    @EventHandler
    void on(InitiativeWithdrawn event, EventMessage<?> message, TrackingToken token) {
        int year = event.fiscalYear().value();
        long amount = event.amountBefore().yen();
        deliver(message, year, token, sums -> {
            sums.department(year, event.department().name(), -amount, -1);
            sums.category(year, Category.codeOf(event.category()), null, -amount, -1);
        });
    }

    @EventHandler
    void on(InitiativeReassigned event, EventMessage<?> message, TrackingToken token) {
        int year = event.fiscalYear().value();
        long amount = event.amount().yen();
        deliver(message, year, token, sums -> {
            sums.department(year, event.departmentBefore().name(), -amount, -1);
            sums.category(year, Category.codeOf(event.categoryBefore()), null, -amount, -1);
            sums.department(year, event.departmentAfter().name(), amount, 1);
            sums.category(year, Category.codeOf(event.categoryAfter()), Category.nameOf(event.categoryAfter()), amount, 1);
        });
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE department_total, category_total, totals_watermark").update();
    }

    private void deliver(EventMessage<?> message, int year, TrackingToken token, Consumer<Sums> change) {
        GapAwareTrackingToken position = WrappedToken.unwrap(token, GapAwareTrackingToken.class)
                .orElseGet(() -> token == null || token.position().isEmpty() ? null
                        : GapAwareTrackingToken.newInstance(token.position().getAsLong(), Set.of()));
        batch.add(new Delivery(StorePosition.of(message), year, position, change));
    }

    private void write(List<Delivery> deliveries) {
        Map<Integer, Watermark> watermarks = new LinkedHashMap<>();
        Sums sums = new Sums();
        for (Delivery delivery : deliveries) {
            long position = delivery.position();
            if (delivery.token() != null) {
                Watermark watermark = watermarks.computeIfAbsent(delivery.fiscalYear(), this::watermark);
                if (!watermark.admit(position, delivery.token().getGaps())) {
                    log.info("The event at position {} was delivered again; the totals of {} contain it already",
                            position, delivery.fiscalYear());
                    continue;
                }
            }
            sums.position = position;
            delivery.change().accept(sums);
        }
        sums.departments.forEach((key, change) -> jdbc.sql("""
                        INSERT INTO department_total (fiscal_year, department, total_yen, initiative_count, first_position)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (fiscal_year, department) DO UPDATE
                        SET total_yen = department_total.total_yen + EXCLUDED.total_yen,
                            initiative_count = department_total.initiative_count + EXCLUDED.initiative_count,
                            first_position = least(department_total.first_position, EXCLUDED.first_position)""")
                .params(key.fiscalYear(), key.department(), change.amount, change.count, change.firstPosition)
                .update());
        sums.categories.forEach((key, change) -> jdbc.sql("""
                        INSERT INTO category_total (fiscal_year, category_code, category_name, total_yen, initiative_count)
                        VALUES (?, ?, coalesce(?, ''), ?, ?)
                        ON CONFLICT (fiscal_year, category_code) DO UPDATE
                        SET total_yen = category_total.total_yen + EXCLUDED.total_yen,
                            initiative_count = category_total.initiative_count + EXCLUDED.initiative_count,
                            category_name = coalesce(?, category_total.category_name)""")
                .params(key.fiscalYear(), key.code(), change.name, change.amount, change.count, change.name)
                .update());
        watermarks.forEach((year, watermark) -> {
            if (watermark.changed()) {
                jdbc.sql("""
                                INSERT INTO totals_watermark (fiscal_year, position, gaps) VALUES (?, ?, ?)
                                ON CONFLICT (fiscal_year) DO UPDATE SET position = EXCLUDED.position, gaps = EXCLUDED.gaps""")
                        .params(year, watermark.position(), watermark.gaps())
                        .update();
            }
        });
    }

    private Watermark watermark(int year) {
        return jdbc.sql("SELECT position, gaps FROM totals_watermark WHERE fiscal_year = ?")
                .param(year)
                .query((rs, i) -> new Watermark(rs.getLong(1), List.of((Long[]) rs.getArray(2).getArray())))
                .optional()
                .orElseGet(Watermark::new);
    }
}
