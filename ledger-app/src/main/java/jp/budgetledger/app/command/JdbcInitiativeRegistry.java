package jp.budgetledger.app.command;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.domain.InitiativeKey;
import jp.budgetledger.core.domain.InitiativeRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link InitiativeRegistry} on the {@code initiative_key} table. Runs in the command's
 * transaction; a concurrent claim of the same key waits on the primary key until the other
 * transaction ends, then sees its outcome. Many claims ({@link #claimAll}) take one statement, their rows inserted in
 * the order of their keys.
 */
@Component
public class JdbcInitiativeRegistry implements InitiativeRegistry {

    private static final Comparator<InitiativeKey> KEY_ORDER = Comparator.comparingInt((InitiativeKey k) -> k.fiscalYear().value())
            .thenComparing(InitiativeKey::department).thenComparing(InitiativeKey::name);

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    public JdbcInitiativeRegistry(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    @Override
    public Optional<InitiativeId> claim(InitiativeKey key, InitiativeId id) {
        int inserted = jdbc.sql("""
                        INSERT INTO initiative_key (fiscal_year, department_key, name_key, initiative_id)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(key.fiscalYear().value(), key.department(), key.name(), id.value())
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return find(key);
    }

    /**
     * The first claim of each key in the order given is the one inserted; a later claim of the same key meets it as
     * its holder, and a key already held (or claimed concurrently and committed) is read as {@link #claim} reads it.
     */
    @Override
    public List<Optional<InitiativeId>> claimAll(List<Claim> claims) {
        Map<InitiativeKey, InitiativeId> first = new LinkedHashMap<>();
        claims.forEach(claim -> first.putIfAbsent(claim.key(), claim.id()));
        List<Map.Entry<InitiativeKey, InitiativeId>> rows = new ArrayList<>(first.entrySet());
        rows.sort(Map.Entry.comparingByKey(KEY_ORDER));
        Set<InitiativeKey> inserted = new HashSet<>();
        if (!rows.isEmpty()) {
            jdbcTemplate.query(connection -> {
                PreparedStatement statement = connection.prepareStatement("""
                        INSERT INTO initiative_key (fiscal_year, department_key, name_key, initiative_id)
                        SELECT * FROM unnest(?, ?, ?, ?) ON CONFLICT DO NOTHING
                        RETURNING fiscal_year, department_key, name_key""");
                statement.setArray(1, connection.createArrayOf("integer", rows.stream().map(r -> r.getKey().fiscalYear().value()).toArray()));
                statement.setArray(2, connection.createArrayOf("text", rows.stream().map(r -> r.getKey().department()).toArray()));
                statement.setArray(3, connection.createArrayOf("text", rows.stream().map(r -> r.getKey().name()).toArray()));
                statement.setArray(4, connection.createArrayOf("varchar", rows.stream().map(r -> r.getValue().value()).toArray()));
                return statement;
            }, (RowCallbackHandler) rs -> inserted.add(new InitiativeKey(FiscalYear.of(rs.getInt(1)), rs.getString(2), rs.getString(3))));
        }
        Map<InitiativeKey, Optional<InitiativeId>> holders = new HashMap<>();
        List<Optional<InitiativeId>> outcomes = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            if (inserted.remove(claim.key())) {
                holders.put(claim.key(), Optional.of(claim.id()));
                outcomes.add(Optional.empty());
            } else {
                outcomes.add(holders.computeIfAbsent(claim.key(), this::find));
            }
        }
        return outcomes;
    }

    @Override
    public void release(InitiativeKey key, InitiativeId id) {
        jdbc.sql("""
                        DELETE FROM initiative_key
                        WHERE fiscal_year = ? AND department_key = ? AND name_key = ? AND initiative_id = ?""")
                .params(key.fiscalYear().value(), key.department(), key.name(), id.value())
                .update();
    }

    /** The line that holds {@code key}, if any (a read outside any claim). */
    public Optional<InitiativeId> find(InitiativeKey key) {
        return jdbc.sql("""
                        SELECT initiative_id FROM initiative_key
                        WHERE fiscal_year = ? AND department_key = ? AND name_key = ?""")
                .params(key.fiscalYear().value(), key.department(), key.name())
                .query(String.class)
                .optional()
                .map(InitiativeId::of);
    }

    /** Every key of {@code fiscalYear} with the line that holds it (one read outside any claim). */
    public Map<InitiativeKey, InitiativeId> keysOf(FiscalYear fiscalYear) {
        Map<InitiativeKey, InitiativeId> keys = new HashMap<>();
        jdbc.sql("SELECT department_key, name_key, initiative_id FROM initiative_key WHERE fiscal_year = ?")
                .param(fiscalYear.value())
                .query((RowCallbackHandler) rs -> keys.put(new InitiativeKey(fiscalYear, rs.getString(1), rs.getString(2)),
                        InitiativeId.of(rs.getString(3))));
        return keys;
    }
}
