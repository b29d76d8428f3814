package jp.budgetledger.projections.temporal;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.projections.ProjectionNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Keeps {@code line_state}. A line is added as one row valid from its effective date to the end
 * of its fiscal year, from the instant it was recorded on. A change of amount by d, effective
 * from E and recorded at R, ends at R the current rows that reach past E and replaces them from R
 * on: the part before E unchanged, the part from E with d added.
 */
@Component
@ProcessingGroup(ProjectionNames.TEMPORAL)
public class TemporalProjection {

    private final JdbcClient jdbc;

    public TemporalProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InitiativeAdded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt, TrackingToken token) {
        jdbc.sql("""
                        INSERT INTO line_state (initiative_id, fiscal_year, department, category_code, category_name, name,
                                                amount_yen, version, line_order, effective, recorded)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, daterange(?, ?), tstzrange(?, NULL))""")
                .params(event.initiativeId().value(), event.fiscalYear().value(), event.department().name(),
                        event.category().code(), event.category().name(), event.name(), event.amount().yen(), sequence,
                        token == null ? 0L : token.position().orElse(0L),
                        Date.valueOf(event.change().effectiveDate()), Date.valueOf(event.fiscalYear().lastDay().plusDays(1)),
                        utc(recordedAt))
                .update();
    }

    @EventHandler
    void on(AmountAmended event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        LocalDate from = event.change().effectiveDate();
        long delta = event.delta().yen();
        OffsetDateTime at = utc(recordedAt);
        List<CurrentRow> affected = jdbc.sql("""
                        SELECT id, lower(effective), upper(effective), amount_yen FROM line_state
                        WHERE initiative_id = ? AND upper_inf(recorded) AND upper(effective) > ?
                        ORDER BY lower(effective) FOR UPDATE""")
                .params(event.initiativeId().value(), Date.valueOf(from))
                .query((rs, i) -> new CurrentRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getLong(4)))
                .list();
        for (CurrentRow row : affected) {
            jdbc.sql("UPDATE line_state SET recorded = tstzrange(lower(recorded), greatest(lower(recorded), ?)) WHERE id = ?")
                    .params(at, row.id()).update();
            if (row.from().isBefore(from)) {
                copy(row.id(), row.from(), from, row.amount(), sequence, at);
            }
            copy(row.id(), row.from().isBefore(from) ? from : row.from(), row.to(), Math.addExact(row.amount(), delta), sequence, at);
        }
    }

    private void copy(long sourceId, LocalDate from, LocalDate to, long amount, long sequence, OffsetDateTime at) {
        jdbc.sql("""
                        INSERT INTO line_state (initiative_id, fiscal_year, department, category_code, category_name, name,
                                                amount_yen, version, line_order, effective, recorded)
                        SELECT initiative_id, fiscal_year, department, category_code, category_name, name, ?, ?, line_order,
                               daterange(?, ?), tstzrange(?, NULL)
                        FROM line_state WHERE id = ?""")
                .params(amount, sequence, Date.valueOf(from), Date.valueOf(to), at, sourceId)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE line_state").update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record CurrentRow(long id, LocalDate from, LocalDate to, long amount) {
    }
}
