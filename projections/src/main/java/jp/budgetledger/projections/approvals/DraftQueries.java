package jp.budgetledger.projections.approvals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads drafts, in the order they were drafted. */
@Component
public class DraftQueries {

    private final JdbcClient jdbc;

    public DraftQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Drafts in {@code state} (null: any) requested by {@code requester} (null: anyone).
     */
    public List<DraftView> list(String state, String requester) {
        StringBuilder sql = new StringBuilder("SELECT * FROM draft_view WHERE true");
        List<Object> params = new ArrayList<>();
        if (state != null) {
            sql.append(" AND state = ?");
            params.add(state);
        }
        if (requester != null) {
            sql.append(" AND requester = ?");
            params.add(requester);
        }
        return jdbc.sql(sql.append(" ORDER BY position").toString()).params(params).query(DraftQueries::map).list();
    }

    public Optional<DraftView> find(String draftId) {
        return jdbc.sql("SELECT * FROM draft_view WHERE draft_id = ?").param(draftId).query(DraftQueries::map).optional();
    }

    private static DraftView map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        Array ids = rs.getArray("change_ids");
        return new DraftView(rs.getString("draft_id"), rs.getString("kind"), rs.getString("state"), rs.getString("requester"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(), rs.getString("approver"),
                decided == null ? null : decided.toInstant(), rs.getString("reason"), rs.getString("proposal"),
                ids == null ? List.of() : Arrays.asList((String[]) ids.getArray()), rs.getLong("position"));
    }
}
