package jp.budgetledger.projections.years;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Reads the fiscal years' life: their transitions as recorded up to a moment, and the reopenings waiting for approval then. */
@Component
public class FiscalYearQueries {

    /** The kind of the drafts of reopenings (the proposal's JSON type name). */
    public static final String REOPENING_KIND = "fiscal-year-reopening";

    private final JdbcClient jdbc;

    public FiscalYearQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A draft of a reopening that waits for approval. */
    public record PendingReopening(String draftId, int fiscalYear, String requester, Instant requestedAt, String reason) {
    }

    /** Every transition of {@code fiscalYear} (every year when null) recorded at or before {@code asOf}, in the order recorded. */
    public List<FiscalYearTransition> transitions(Integer fiscalYear, Instant asOf) {
        return jdbc.sql("""
                        SELECT * FROM fiscal_year_transition WHERE (CAST(? AS integer) IS NULL OR fiscal_year = ?) AND recorded_at <= ?
                        ORDER BY position""")
                .params(fiscalYear, fiscalYear, asOf.atOffset(ZoneOffset.UTC))
                .query(FiscalYearQueries::map).list();
    }

    /** The close in force for {@code fiscalYear} at {@code asOf}: its last close, unless a reopening was recorded after it. */
    public Optional<FiscalYearTransition> closeInForce(int fiscalYear, Instant asOf) {
        return jdbc.sql("""
                        SELECT * FROM fiscal_year_transition WHERE fiscal_year = ? AND kind IN ('closed', 'reopened') AND recorded_at <= ?
                        ORDER BY position DESC LIMIT 1""")
                .params(fiscalYear, asOf.atOffset(ZoneOffset.UTC))
                .query(FiscalYearQueries::map).optional().filter(FiscalYearTransition::isClose);
    }

    /** Every fiscal year that has a line or a transition. */
    public List<Integer> knownYears() {
        return jdbc.sql("""
                        SELECT fiscal_year FROM (SELECT DISTINCT fiscal_year FROM initiative_view
                                                 UNION SELECT fiscal_year FROM fiscal_year_transition) y ORDER BY fiscal_year DESC""")
                .query(Integer.class).list();
    }

    /** The drafts of reopenings requested at or before {@code asOf} and not decided by then, in the order requested. */
    public List<PendingReopening> pendingReopenings(Instant asOf) {
        return jdbc.sql("""
                        SELECT draft_id, (proposal ->> 'fiscalYear')::integer, requester, requested_at, proposal -> 'change' ->> 'reason'
                        FROM draft_view WHERE kind = ? AND requested_at <= ? AND (decided_at IS NULL OR decided_at > ?) ORDER BY position""")
                .params(REOPENING_KIND, asOf.atOffset(ZoneOffset.UTC), asOf.atOffset(ZoneOffset.UTC))
                .query((rs, i) -> new PendingReopening(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
                .list();
    }

    /** The closes in force now whose seal is not recorded, recorded before {@code before}. */
    public List<FiscalYearTransition> unsealedCloses(Instant before) {
        return jdbc.sql("""
                        SELECT c.* FROM fiscal_year_transition c
                        WHERE c.kind = 'closed' AND c.recorded_at < ?
                          AND NOT EXISTS (SELECT 1 FROM fiscal_year_transition s WHERE s.fiscal_year = c.fiscal_year AND s.kind = 'sealed'
                                          AND s.close_sequence = c.sequence)
                          AND NOT EXISTS (SELECT 1 FROM fiscal_year_transition r WHERE r.fiscal_year = c.fiscal_year AND r.kind = 'reopened'
                                          AND r.position > c.position)
                        ORDER BY c.position""")
                .param(before.atOffset(ZoneOffset.UTC))
                .query(FiscalYearQueries::map).list();
    }

    private static FiscalYearTransition map(ResultSet rs, int row) throws SQLException {
        return new FiscalYearTransition(rs.getLong("position"), rs.getInt("fiscal_year"), rs.getString("kind"), rs.getLong("sequence"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getObject("effective_date", LocalDate.class),
                rs.getString("actor"), rs.getString("approved_by"), rs.getString("draft_id"), rs.getString("reason"),
                rs.getString("reference"), (Boolean) rs.getObject("forced"), (Long) rs.getObject("close_sequence"),
                (Long) rs.getObject("close_position"), (Long) rs.getObject("tree_size"), rs.getString("root_hash"),
                rs.getString("signed_at"), rs.getString("key_id"), rs.getString("signature"));
    }
}
