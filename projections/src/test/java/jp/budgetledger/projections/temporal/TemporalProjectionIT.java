package jp.budgetledger.projections.temporal;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.InitiativeRevised;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.WithdrawalKind;
import jp.budgetledger.projections.ProjectionDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static jp.budgetledger.projections.Events.added;
import static jp.budgetledger.projections.Events.amended;
import static org.assertj.core.api.Assertions.assertThat;

class TemporalProjectionIT {

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final TemporalProjection projection = new TemporalProjection(jdbc, new JdbcTemplate(ProjectionDatabase.dataSource()));

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE line_state, line_state_line").update();
        ProjectionDatabase.newEpoch();
    }

    @Test
    void eventsDeliveredAgainChangeNothing() {
        InitiativeAdded line = added("t-1", 2020, "1", "総務部", "A", 1_000);
        AmountAmended first = amended(line, 1_000, 1_500);
        AmountAmended second = amended(line, 1_500, 1_200);
        EventMessage<?> addedMessage = ProjectionDatabase.recorded(line, 1);
        Instant t0 = Instant.parse("2020-05-01T00:00:00Z");
        projection.on(line, 0, t0, addedMessage);
        projection.on(first, 1, t0.plusSeconds(60));
        projection.on(second, 2, t0.plusSeconds(120));
        String rows = rows();

        projection.on(line, 0, t0, addedMessage);
        projection.on(first, 1, t0.plusSeconds(60));
        projection.on(second, 2, t0.plusSeconds(120));

        assertThat(rows()).isEqualTo(rows);
        assertThat(jdbc.sql("SELECT sum(amount_yen) FROM line_state WHERE initiative_id = 't-1' AND upper_inf(recorded) AND upper(effective) > '2020-09-01'")
                .query(Long.class).single()).isEqualTo(1_200);
    }

    @Test
    void aBatchGivesTheRowsItsEventsGiveOneByOne() {
        InitiativeAdded a = added("t-a", 2020, "1", "総務部", "A", 1_000);
        InitiativeAdded b = added("t-b", 2020, "2", "出納局", "B", 5_000);
        EventMessage<?> aMessage = ProjectionDatabase.recorded(a, 1);
        EventMessage<?> bMessage = ProjectionDatabase.recorded(b, 2);
        Instant t0 = Instant.parse("2020-05-01T00:00:00Z");
        List<Runnable> events = List.of(
                () -> projection.on(a, 0, t0, aMessage),
                () -> projection.on(b, 0, t0, bMessage),
                () -> projection.on(on(a, 1_000, 1_500, 9, 1), 1, t0.plusSeconds(60)),
                () -> projection.on(on(a, 1_500, 1_300, 6, 1), 2, t0.plusSeconds(120)),
                () -> projection.on(new InitiativeRevised(a.initiativeId(), a.fiscalYear(), a.department(), "A", "A改", "概要", "概要",
                        new ChangeContext(LocalDate.of(2020, 7, 1), "名称変更", null)), 3, t0.plusSeconds(120)),
                () -> projection.on(new InitiativeReassigned(b.initiativeId(), b.fiscalYear(), b.department(), Department.of("総務部"),
                        b.category(), new Category("3", "分類3"), Money.ofYen(5_000),
                        new ChangeContext(LocalDate.of(2020, 10, 1), "組織改正", null)), 1, t0.plusSeconds(180)),
                () -> projection.on(on(a, 1_300, 2_000, 12, 1), 4, t0.plusSeconds(240)),
                () -> projection.on(new InitiativeWithdrawn(b.initiativeId(), b.fiscalYear(), new Category("3", "分類3"),
                        Department.of("総務部"), Money.ofYen(5_000), WithdrawalKind.ABOLISHED, null,
                        new ChangeContext(LocalDate.of(2021, 1, 1), "廃止", null)), 2, t0.plusSeconds(240)));
        events.forEach(Runnable::run);
        String oneByOne = content();
        assertThat(oneByOne.split("; ")).hasSizeGreaterThan(10);

        projection.reset();
        var batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        events.forEach(Runnable::run);
        batch.commit();
        assertThat(content()).isEqualTo(oneByOne);

        var again = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("again"));
        events.forEach(Runnable::run);
        again.commit();
        assertThat(content()).as("the same batch delivered again").isEqualTo(oneByOne);
    }

    private static AmountAmended on(InitiativeAdded line, long before, long after, int month, int day) {
        return new AmountAmended(line.initiativeId(), line.fiscalYear(), line.category(), line.department(), Money.ofYen(before),
                Money.ofYen(after), new ChangeContext(LocalDate.of(2020, month, day), "補正", null));
    }

    /** Every row's content, in an order that does not depend on the order rows were inserted in. */
    private String content() {
        return jdbc.sql("""
                        SELECT string_agg(concat_ws(' ', initiative_id, department, category_code, name, amount_yen, version, line_order,
                                                    effective, recorded), '; ' ORDER BY initiative_id, version, lower(effective), recorded)
                        FROM line_state""")
                .query(String.class).single();
    }

    private String rows() {
        return jdbc.sql("SELECT string_agg(amount_yen || ' ' || version || ' ' || effective || ' ' || recorded, '; ' ORDER BY id) FROM line_state")
                .query(String.class).single();
    }
}
