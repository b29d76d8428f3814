package jp.budgetledger.projections.carryovers;

import jp.budgetledger.core.api.FiscalYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reads the carry-overs of a fiscal year and its lines' 繰越明許費 limits as recorded by a moment, each with its line's 会計, 款, 項,
 * name and department as they stand now ({@code initiative_view}), in the order of the lines' 科目 and then as recorded.
 */
@Component
public class CarryoverQueries {

    /** The columns of the line a row is about, and the order rows come in. */
    private static final String LINE = """
            v.account_code, v.account_name, v.kan_code, v.kan_name, v.kou_code, v.kou_name, v.name, v.department""";
    private static final String ORDER = """
            v.account_code NULLS LAST, v.account_name, length(v.kan_code), v.kan_code, length(v.kou_code), v.kou_code, v.added_position""";

    private final JdbcClient jdbc;

    public CarryoverQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a row's line sits: its 会計 (null for a line without one), 款 and 項 (code and name), name and department. */
    public record Line(String accountCode, String accountName, String kanCode, String kanName, String kouCode, String kouName,
                       String name, String department) {
    }

    /**
     * A line's 繰越明許費 limit in force at the moment (第2表), the budget that set it ({@code supplementaryBudgetId} null for the
     * 当初予算), and what was carried from the line under it by then.
     */
    public record Limit(String initiativeId, Line line, long limitYen, String supplementaryBudgetId, long carriedYen, String reason,
                        String reference, LocalDate effectiveOn, Instant recordedAt) {
    }

    /** A carry-over recorded by the moment, with its funding (財源内訳) and the limit of its line then (null for none). */
    public record Carryover(String carryoverId, String kind, String initiativeId, String carriedLineId, Line line, Long limitYen,
                            long amountYen, long receivedYen, long nationalPrefecturalYen, long bondsYen, long otherYen, long generalYen,
                            String reason, String reference, String accidentReason, LocalDate decidedOn, LocalDate effectiveOn,
                            Instant recordedAt, long position) {
    }

    /** The limits above zero of the year's lines, as recorded by {@code asOf}. */
    public List<Limit> limits(FiscalYear fiscalYear, Instant asOf) {
        return jdbc.sql("""
                        SELECT l.initiative_id, %s, l.limit_yen, l.supplementary_budget_id,
                               (SELECT coalesce(sum(c.amount_yen), 0) FROM carryover c WHERE c.initiative_id = l.initiative_id
                                   AND c.kind = 'explicit' AND c.recorded_at <= ?) AS carried,
                               l.reason, l.reference, l.effective_on, l.recorded_at
                        FROM (SELECT DISTINCT ON (initiative_id) * FROM carryover_limit
                              WHERE fiscal_year = ? AND recorded_at <= ? ORDER BY initiative_id, version DESC) l
                        JOIN initiative_view v ON v.initiative_id = l.initiative_id
                        WHERE l.limit_yen > 0
                        ORDER BY %s""".formatted(LINE, ORDER))
                .params(utc(asOf), fiscalYear.value(), utc(asOf))
                .query((rs, i) -> new Limit(rs.getString(1), line(rs, 2), rs.getLong(10), rs.getString(11), rs.getLong(12),
                        rs.getString(13), rs.getString(14), rs.getObject(15, LocalDate.class),
                        rs.getObject(16, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The carry-overs of the year's lines (of {@code kind}: explicit or accident; null for both), as recorded by {@code asOf}. */
    public List<Carryover> carryovers(FiscalYear fiscalYear, Instant asOf, String kind) {
        return jdbc.sql("""
                        SELECT c.carryover_id, c.kind, c.initiative_id, c.carried_line_id, %s, c.limit_yen, c.amount_yen, c.received_yen,
                               c.national_prefectural_yen, c.bonds_yen, c.other_yen, c.general_yen, c.reason, c.reference,
                               c.accident_reason, c.decided_on, c.effective_on, c.recorded_at, c.position
                        FROM carryover c JOIN initiative_view v ON v.initiative_id = c.initiative_id
                        WHERE c.fiscal_year = ? AND c.recorded_at <= ? AND (?::text IS NULL OR c.kind = ?)
                        ORDER BY %s, c.position""".formatted(LINE, ORDER))
                .params(fiscalYear.value(), utc(asOf), kind, kind)
                .query((rs, i) -> new Carryover(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), line(rs, 5),
                        rs.getObject(13, Long.class), rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getLong(18),
                        rs.getLong(19), rs.getString(20), rs.getString(21), rs.getString(22), rs.getObject(23, LocalDate.class),
                        rs.getObject(24, LocalDate.class), rs.getObject(25, OffsetDateTime.class).toInstant(), rs.getLong(26)))
                .list();
    }

    private static Line line(ResultSet rs, int from) throws SQLException {
        return new Line(rs.getString(from), rs.getString(from + 1), rs.getString(from + 2), rs.getString(from + 3), rs.getString(from + 4),
                rs.getString(from + 5), rs.getString(from + 6), rs.getString(from + 7));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
