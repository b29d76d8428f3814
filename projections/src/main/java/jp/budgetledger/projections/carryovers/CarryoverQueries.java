package jp.budgetledger.projections.carryovers;

import jp.budgetledger.core.api.FiscalYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the carry-overs of a fiscal year and its lines' 繰越明許費 limits as recorded by a moment, each with its line's 会計, 款, 項,
 * name and department as they stood at that moment, in force at the year's end (the temporal model {@code line_state}), in the
 * order of the lines' 科目 and then as recorded.
 */
@Component
public class CarryoverQueries {

    private static final List<String> LINE_COLUMNS = List.of("account_code", "account_name", "kan_code", "kan_name", "kou_code", "kou_name",
            "name", "department");
    /**
     * The columns of the line a row is about as the line stood at the moment ({@code s}, the line's {@code line_state} row recorded
     * by then and in force on the day {@code ?} or, failing one, its latest), or as it stands now ({@code v}) for a line the
     * temporal model does not hold; then the order rows come in.
     */
    private static final String LINE = LINE_COLUMNS.stream().map(CarryoverQueries::column).collect(Collectors.joining(", "));
    private static final String ORDER = "%s NULLS LAST, %s, length(%s), %s, length(%s), %s, v.added_position".formatted(
            column("account_code"), column("account_name"), column("kan_code"), column("kan_code"), column("kou_code"), column("kou_code"));
    /**
     * The line's {@code line_state} row at the moment; its parameters: the instant, then the day. {@code %1$s}: the alias of the row
     * naming the line ({@code initiative_id}) and its year ({@code fiscal_year}).
     */
    private static final String AT_MOMENT = " " + """
             LEFT JOIN LATERAL (SELECT * FROM line_state ls WHERE ls.fiscal_year = %1$s.fiscal_year AND ls.initiative_id = %1$s.initiative_id
                                AND ls.recorded @> ?::timestamptz
                                ORDER BY ls.effective @> ?::date DESC, upper(ls.effective) DESC NULLS FIRST LIMIT 1) s ON true""";

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
                        JOIN initiative_view v ON v.initiative_id = l.initiative_id%s
                        WHERE l.limit_yen > 0
                        ORDER BY %s""".formatted(LINE, AT_MOMENT.formatted("l"), ORDER))
                .params(utc(asOf), fiscalYear.value(), utc(asOf), utc(asOf), Date.valueOf(fiscalYear.lastDay()))
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
                        FROM carryover c JOIN initiative_view v ON v.initiative_id = c.initiative_id%s
                        WHERE c.fiscal_year = ? AND c.recorded_at <= ? AND (?::text IS NULL OR c.kind = ?)
                        ORDER BY %s, c.position""".formatted(LINE, AT_MOMENT.formatted("c"), ORDER))
                .params(utc(asOf), Date.valueOf(fiscalYear.lastDay()), fiscalYear.value(), utc(asOf), kind, kind)
                .query((rs, i) -> new Carryover(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), line(rs, 5),
                        rs.getObject(13, Long.class), rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getLong(18),
                        rs.getLong(19), rs.getString(20), rs.getString(21), rs.getString(22), rs.getObject(23, LocalDate.class),
                        rs.getObject(24, LocalDate.class), rs.getObject(25, OffsetDateTime.class).toInstant(), rs.getLong(26)))
                .list();
    }

    /** A column of the line as it stood at the moment, else as it stands now. */
    private static String column(String name) {
        return "CASE WHEN s.id IS NULL THEN v.%1$s ELSE s.%1$s END".formatted(name);
    }

    private static Line line(ResultSet rs, int from) throws SQLException {
        return new Line(rs.getString(from), rs.getString(from + 1), rs.getString(from + 2), rs.getString(from + 3), rs.getString(from + 4),
                rs.getString(from + 5), rs.getString(from + 6), rs.getString(from + 7));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
