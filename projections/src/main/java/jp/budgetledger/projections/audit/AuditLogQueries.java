package jp.budgetledger.projections.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads the audit log, newest last, filtered and paged. */
@Component
public class AuditLogQueries {

    /** Filters; null means any. {@code from} inclusive, {@code to} exclusive, both on the recorded time. */
    public record Filter(Integer fiscalYear, Instant from, Instant to, String actor, String department) {
    }

    public record Page(int page, int size, long total, List<AuditEntry> items) {
    }

    private final JdbcClient jdbc;

    public AuditLogQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page page(Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        long total = jdbc.sql("SELECT count(*) FROM audit_event" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<AuditEntry> items = jdbc.sql("SELECT * FROM audit_event" + where + " ORDER BY position LIMIT ? OFFSET ?")
                .params(pageParams).query(AuditLogQueries::map).list();
        return new Page(page, size, total, items);
    }

    /** Every matching entry in order, handed to {@code sink} one by one (for exports). */
    public void forEach(Filter filter, Consumer<AuditEntry> sink) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        jdbc.sql("SELECT * FROM audit_event" + where + " ORDER BY position").params(params)
                .query(AuditLogQueries::map).stream().forEach(sink);
    }

    /** Every event of one aggregate as the audit log recorded it. */
    public List<AuditEntry> ofAggregate(String aggregateId) {
        return jdbc.sql("SELECT * FROM audit_event WHERE aggregate_id = ? ORDER BY sequence_number")
                .param(aggregateId).query(AuditLogQueries::map).list();
    }

    private static String where(Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (filter.fiscalYear() != null) {
            where.append(" AND fiscal_year = ?");
            params.add(filter.fiscalYear());
        }
        if (filter.from() != null) {
            where.append(" AND recorded_at >= ?");
            params.add(filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" AND recorded_at < ?");
            params.add(filter.to().atOffset(ZoneOffset.UTC));
        }
        if (filter.actor() != null) {
            where.append(" AND actor = ?");
            params.add(filter.actor());
        }
        if (filter.department() != null) {
            where.append(" AND department = ?");
            params.add(filter.department());
        }
        return where.toString();
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("position"), rs.getString("event_id"), rs.getString("aggregate_id"),
                rs.getLong("sequence_number"), rs.getString("event_type"), (Integer) rs.getObject("fiscal_year"),
                rs.getString("department"), rs.getString("category_code"), rs.getString("subject"), rs.getString("actor"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getObject("effective_date", LocalDate.class),
                rs.getString("reason"), rs.getString("reference"), (Long) rs.getObject("amount_before_yen"),
                (Long) rs.getObject("amount_after_yen"), rs.getString("correlation_id"), rs.getString("request_id"),
                rs.getString("causation_id"), rs.getString("hash"), rs.getString("subject_path"),
                rs.getString("approved_by"), rs.getString("draft_id"), rs.getString("actor_name"));
    }
}
