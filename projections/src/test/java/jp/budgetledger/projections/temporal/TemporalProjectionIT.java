package jp.budgetledger.projections.temporal;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.projections.ProjectionDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;

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

    private String rows() {
        return jdbc.sql("SELECT string_agg(amount_yen || ' ' || version || ' ' || effective || ' ' || recorded, '; ' ORDER BY id) FROM line_state")
                .query(String.class).single();
    }
}
