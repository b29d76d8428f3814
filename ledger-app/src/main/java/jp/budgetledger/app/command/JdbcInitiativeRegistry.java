package jp.budgetledger.app.command;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.domain.InitiativeKey;
import jp.budgetledger.core.domain.InitiativeRegistry;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link InitiativeRegistry} on the {@code initiative_key} table. Runs in the command's
 * transaction; a concurrent claim of the same key waits on the primary key until the other
 * transaction ends, then sees its outcome.
 */
@Component
public class JdbcInitiativeRegistry implements InitiativeRegistry {

    private final JdbcClient jdbc;

    public JdbcInitiativeRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
