package jp.budgetledger.projections.temporal;

import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How a {@link Classification} is kept in {@code line_state}: the 会計's code, name and key, the side,
 * code, name and key of each 科目 level from 款 to 細節, and the department code; all null for a
 * line without a classification.
 */
public final class ClassificationColumns {

    public static final String NAMES = """
            account_code, account_name, account_key, side, kan_code, kan_name, kan_key, kou_code, kou_name, kou_key,
            moku_code, moku_name, moku_key, jigyou_code, jigyou_name, jigyou_key, setsu_code, setsu_name, setsu_key,
            saisetsu_code, saisetsu_name, saisetsu_key, department_code""";
    /** The array types of the columns, in the order of {@link #NAMES}, for an {@code unnest}. */
    static final String ARRAYS = String.join(", ", java.util.Collections.nCopies(23, "?::text[]"));
    public static final int WIDTH = 23;

    private ClassificationColumns() {
    }

    /** {@link #NAMES}, each prefixed with {@code alias} (e.g. {@code "l."}). */
    static String prefixed(String alias) {
        return java.util.Arrays.stream(NAMES.split(",")).map(c -> alias + c.strip()).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The columns' values in the order of {@link #NAMES}; all null for no classification. */
    public static Object[] values(Classification c) {
        Object[] values = new Object[WIDTH];
        if (c == null) {
            return values;
        }
        put(values, 0, c.account());
        values[3] = c.side().code();
        Subject s = c.subject();
        put(values, 4, s.kan());
        put(values, 7, s.kou());
        put(values, 10, s.moku());
        put(values, 13, s.jigyou());
        put(values, 16, s.setsu());
        put(values, 19, s.saisetsu());
        values[22] = c.departmentCode();
        return values;
    }

    /** The classification stored in the columns starting at {@code first} (1-based), or null. */
    static Classification read(ResultSet rs, int first) throws SQLException {
        SubjectLevel account = level(rs, first);
        if (account == null) {
            return null;
        }
        return new Classification(account, Side.parse(rs.getString(first + 3)),
                new Subject(level(rs, first + 4), level(rs, first + 7), level(rs, first + 10), level(rs, first + 13),
                        level(rs, first + 16), level(rs, first + 19)),
                rs.getString(first + 22));
    }

    private static void put(Object[] values, int at, SubjectLevel level) {
        if (level != null) {
            values[at] = level.code();
            values[at + 1] = level.name();
            values[at + 2] = level.key();
        }
    }

    private static SubjectLevel level(ResultSet rs, int at) throws SQLException {
        String name = rs.getString(at + 1);
        return name == null ? null : new SubjectLevel(rs.getString(at), name);
    }
}
