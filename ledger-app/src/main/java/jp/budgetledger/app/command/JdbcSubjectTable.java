package jp.budgetledger.app.command;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Text;
import jp.budgetledger.core.domain.SubjectTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * {@link SubjectTable} on the {@code subject_name} and {@code subject_holder} tables. Runs in the
 * command's transaction; a concurrent first claim of the same path waits on the primary key until
 * the other transaction ends, then sees its name. A kept name is locked for the rest of the
 * transaction, so that it cannot be forgotten by a concurrent release meanwhile.
 */
@Component
public class JdbcSubjectTable implements SubjectTable {

    private final JdbcClient jdbc;

    public JdbcSubjectTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> claim(FiscalYear fiscalYear, String path, String level, String name, InitiativeId holder) {
        String nameKey = Text.key(name);
        jdbc.sql("""
                        INSERT INTO subject_name (fiscal_year, path_key, level, name, name_key)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(fiscalYear.value(), path, level, name, nameKey)
                .update();
        String[] held = jdbc.sql("SELECT name, name_key FROM subject_name WHERE fiscal_year = ? AND path_key = ? FOR SHARE")
                .params(fiscalYear.value(), path)
                .query((rs, row) -> new String[]{rs.getString(1), rs.getString(2)})
                .single();
        if (!held[1].equals(nameKey)) {
            return Optional.of(held[0]);
        }
        jdbc.sql("""
                        INSERT INTO subject_holder (fiscal_year, path_key, initiative_id)
                        VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(fiscalYear.value(), path, holder.value())
                .update();
        return Optional.empty();
    }

    @Override
    public void release(FiscalYear fiscalYear, String path, InitiativeId holder) {
        jdbc.sql("DELETE FROM subject_holder WHERE fiscal_year = ? AND path_key = ? AND initiative_id = ?")
                .params(fiscalYear.value(), path, holder.value())
                .update();
        jdbc.sql("""
                        DELETE FROM subject_name n WHERE n.fiscal_year = ? AND n.path_key = ?
                        AND NOT EXISTS (SELECT 1 FROM subject_holder h WHERE h.fiscal_year = n.fiscal_year AND h.path_key = n.path_key)""")
                .params(fiscalYear.value(), path)
                .update();
    }
}
