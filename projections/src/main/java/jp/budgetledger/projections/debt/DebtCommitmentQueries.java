package jp.budgetledger.projections.debt;

import jp.budgetledger.core.api.Text;
import jp.budgetledger.projections.temporal.LineFilter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads 債務負担行為 as of a moment on both time axes: the changes recorded by {@code asOf} and in force on {@code effectiveOn}
 * count (null: every change recorded, whatever its date). A commitment whose setting does not count does not exist then.
 */
@Component
public class DebtCommitmentQueries {

    private static final String BASIS = """
            CASE WHEN %1$s.supplementary_budget_id IS NULL THEN '当初'
                 WHEN b.number IS NOT NULL THEN '補正第' || b.number || '号'
                 ELSE coalesce(b.name, %1$s.supplementary_budget_id) END""";

    private final JdbcClient jdbc;

    public DebtCommitmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The commitment {@code id} as of the moment. */
    public Optional<DebtCommitmentView> find(String id, Instant asOf, LocalDate effectiveOn) {
        return read("d.commitment_id = ?", List.of(id), asOf, effectiveOn).stream().findFirst();
    }

    /**
     * The commitments binding fiscal year {@code year} as of the moment (set in its budget, or set earlier with a period covering
     * it; abolished ones too), of the 会計 {@code account} names (its code or name; null for all), in the order recorded.
     */
    public List<DebtCommitmentView> ofYear(int year, String account, Instant asOf, LocalDate effectiveOn) {
        StringBuilder where = new StringBuilder("d.fiscal_year <= ?");
        List<Object> params = new ArrayList<>(List.of(year));
        if (account != null && !account.isBlank()) {
            List<String> keys = new LineFilter(account, null).keys();
            where.append(" AND (d.account_key IN (?, ?) OR d.account_name = ?)");
            params.addAll(keys);
            params.add(Text.clean(account));
        }
        return read(where.toString(), params, asOf, effectiveOn).stream().filter(c -> c.inForceIn(year)).toList();
    }

    private List<DebtCommitmentView> read(String where, List<Object> params, Instant asOf, LocalDate effectiveOn) {
        Map<String, Base> commitments = new LinkedHashMap<>();
        jdbc.sql("SELECT d.*, " + BASIS.formatted("d") + " AS basis, b.title AS basis_title FROM debt_commitment d "
                        + "LEFT JOIN supplementary_budget b ON b.budget_id = d.supplementary_budget_id WHERE " + where + " ORDER BY d.position")
                .params(params)
                .query((RowCallbackHandler) rs -> commitments.put(rs.getString("commitment_id"), base(rs)));
        if (commitments.isEmpty()) {
            return List.of();
        }
        Map<String, List<DebtCommitmentView.Change>> changes = new LinkedHashMap<>();
        jdbc.sql("SELECT c.*, " + BASIS.formatted("c") + " AS basis, b.title AS basis_title FROM debt_commitment_change c "
                        + "LEFT JOIN supplementary_budget b ON b.budget_id = c.supplementary_budget_id "
                        + "WHERE c.commitment_id = ANY (?) AND (?::timestamptz IS NULL OR c.recorded_at <= ?::timestamptz) "
                        + "AND (?::date IS NULL OR c.effective_date <= ?::date) ORDER BY c.commitment_id, c.sequence_number")
                .params(commitments.keySet().toArray(String[]::new), offset(asOf), offset(asOf), effectiveOn, effectiveOn)
                .query((RowCallbackHandler) rs -> changes.computeIfAbsent(rs.getString("commitment_id"), k -> new ArrayList<>()).add(change(rs)));
        List<DebtCommitmentView> views = new ArrayList<>();
        commitments.forEach((id, base) -> {
            List<DebtCommitmentView.Change> history = changes.get(id);
            if (history == null || !DebtCommitmentProjection.SET.equals(history.get(0).kind())) {
                return;
            }
            DebtCommitmentView.Change last = history.get(history.size() - 1);
            String state = DebtCommitmentProjection.ABOLISHED.equals(last.kind()) ? DebtCommitmentView.ABOLISHED : DebtCommitmentView.IN_FORCE;
            views.add(new DebtCommitmentView(id, base.fiscalYear, base.matter, base.accountCode, base.accountName, base.department,
                    base.periodFrom, last.periodTo(), last.limitYen(), last.limitText(), base.budget, base.basis, base.basisTitle, state,
                    base.recordedAt, base.position, List.copyOf(history)));
        });
        return views;
    }

    private record Base(int fiscalYear, String matter, String accountCode, String accountName, String department, int periodFrom,
                        String budget, String basis, String basisTitle, Instant recordedAt, long position) {
    }

    private static Base base(ResultSet rs) throws SQLException {
        return new Base(rs.getInt("fiscal_year"), rs.getString("matter"), rs.getString("account_code"), rs.getString("account_name"),
                rs.getString("department"), rs.getInt("period_from"), rs.getString("supplementary_budget_id"), rs.getString("basis"),
                rs.getString("basis_title"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getLong("position"));
    }

    private static DebtCommitmentView.Change change(ResultSet rs) throws SQLException {
        return new DebtCommitmentView.Change(rs.getString("kind"), rs.getString("supplementary_budget_id"), rs.getString("basis"),
                rs.getString("basis_title"), (Long) rs.getObject("limit_yen_before"), rs.getString("limit_text_before"),
                (Integer) rs.getObject("period_to_before"), (Long) rs.getObject("limit_yen"), rs.getString("limit_text"), rs.getInt("period_to"),
                rs.getObject("effective_date", LocalDate.class), rs.getString("reason"), rs.getString("reference"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getLong("position"));
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
