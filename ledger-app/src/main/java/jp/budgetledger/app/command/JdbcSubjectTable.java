package jp.budgetledger.app.command;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Text;
import jp.budgetledger.core.domain.SubjectTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@link SubjectTable} on the {@code subject_name} and {@code subject_holder} tables. Runs in the
 * command's transaction; a concurrent first claim of the same path waits on the primary key until
 * the other transaction ends, then sees its name. A kept name is locked for the rest of the
 * transaction, so that it cannot be forgotten by a concurrent release meanwhile. Many claims ({@link #claimAll}) take
 * three statements, their rows written and locked in the order of their paths.
 */
@Component
public class JdbcSubjectTable implements SubjectTable {

    private static final Comparator<Path> PATH_ORDER = Comparator.comparingInt(Path::fiscalYear).thenComparing(Path::path);

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    public JdbcSubjectTable(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    private record Path(int fiscalYear, String path) {
    }

    private record Held(String name, String nameKey) {
    }

    private record Holder(Path path, String initiativeId) implements Comparable<Holder> {
        @Override
        public int compareTo(Holder other) {
            int byPath = PATH_ORDER.compare(path, other.path);
            return byPath != 0 ? byPath : initiativeId.compareTo(other.initiativeId);
        }
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

    /** A path's name is the one its first claim in the order given brings, unless the year already has one. */
    @Override
    public List<Optional<String>> claimAll(List<Claim> claims) {
        if (claims.isEmpty()) {
            return List.of();
        }
        Map<Path, Claim> first = new LinkedHashMap<>();
        claims.forEach(claim -> first.putIfAbsent(new Path(claim.fiscalYear().value(), claim.path()), claim));
        List<Path> paths = new ArrayList<>(first.keySet());
        paths.sort(PATH_ORDER);
        jdbcTemplate.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO subject_name (fiscal_year, path_key, level, name, name_key)
                    SELECT * FROM unnest(?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""");
            setPaths(connection, statement, paths);
            statement.setArray(3, connection.createArrayOf("varchar", paths.stream().map(p -> first.get(p).level()).toArray()));
            statement.setArray(4, connection.createArrayOf("text", paths.stream().map(p -> first.get(p).name()).toArray()));
            statement.setArray(5, connection.createArrayOf("text", paths.stream().map(p -> Text.key(first.get(p).name())).toArray()));
            return statement;
        });
        Map<Path, Held> held = new HashMap<>();
        jdbcTemplate.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    SELECT fiscal_year, path_key, name, name_key FROM subject_name
                    WHERE (fiscal_year, path_key) IN (SELECT * FROM unnest(?, ?)) ORDER BY fiscal_year, path_key FOR SHARE""");
            setPaths(connection, statement, paths);
            return statement;
        }, (RowCallbackHandler) rs -> held.put(new Path(rs.getInt(1), rs.getString(2)), new Held(rs.getString(3), rs.getString(4))));
        List<Optional<String>> outcomes = new ArrayList<>(claims.size());
        TreeSet<Holder> holders = new TreeSet<>();
        for (Claim claim : claims) {
            Path path = new Path(claim.fiscalYear().value(), claim.path());
            Held name = held.get(path);
            if (name == null) {
                throw new IllegalStateException("no name at " + path + " after claiming it");
            }
            if (name.nameKey().equals(Text.key(claim.name()))) {
                holders.add(new Holder(path, claim.holder().value()));
                outcomes.add(Optional.empty());
            } else {
                outcomes.add(Optional.of(name.name()));
            }
        }
        if (!holders.isEmpty()) {
            jdbcTemplate.update(connection -> {
                PreparedStatement statement = connection.prepareStatement("""
                        INSERT INTO subject_holder (fiscal_year, path_key, initiative_id)
                        SELECT * FROM unnest(?, ?, ?) ON CONFLICT DO NOTHING""");
                setPaths(connection, statement, holders.stream().map(Holder::path).toList());
                statement.setArray(3, connection.createArrayOf("varchar", holders.stream().map(Holder::initiativeId).toArray()));
                return statement;
            });
        }
        return outcomes;
    }

    private static void setPaths(Connection connection, PreparedStatement statement, List<Path> paths) throws SQLException {
        statement.setArray(1, connection.createArrayOf("integer", paths.stream().map(Path::fiscalYear).toArray()));
        statement.setArray(2, connection.createArrayOf("text", paths.stream().map(Path::path).toArray()));
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
