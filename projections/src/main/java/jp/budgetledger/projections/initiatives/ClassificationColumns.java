package jp.budgetledger.projections.initiatives;

import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The columns of {@code initiative_view} that hold a line's classification, in one order: written and read here only. */
final class ClassificationColumns {

    private static final String[] LEVELS = {"kan", "kou", "moku", "jigyou", "setsu", "saisetsu"};

    /** {@code account_code, account_name, side, kan_code, kan_name, …, saisetsu_name, department_code}. */
    static final String NAMES;
    /** {@code account_code = ?, …} for an update. */
    static final String ASSIGNMENTS;
    static final int COUNT;

    static {
        List<String> names = new ArrayList<>(List.of("account_code", "account_name", "side"));
        for (String level : LEVELS) {
            names.add(level + "_code");
            names.add(level + "_name");
        }
        names.add("department_code");
        NAMES = String.join(", ", names);
        ASSIGNMENTS = String.join(", ", names.stream().map(n -> n + " = ?").toList());
        COUNT = names.size();
    }

    private ClassificationColumns() {
    }

    /** The values of the columns, in {@link #NAMES} order; all null for no classification. */
    static Object[] values(Classification classification) {
        Object[] values = new Object[COUNT];
        if (classification == null) {
            return values;
        }
        values[0] = classification.account().code();
        values[1] = classification.account().name();
        values[2] = classification.side().code();
        Subject subject = classification.subject();
        SubjectLevel[] levels = {subject.kan(), subject.kou(), subject.moku(), subject.jigyou(), subject.setsu(), subject.saisetsu()};
        for (int i = 0; i < levels.length; i++) {
            values[3 + 2 * i] = levels[i] == null ? null : levels[i].code();
            values[4 + 2 * i] = levels[i] == null ? null : levels[i].name();
        }
        values[COUNT - 1] = classification.departmentCode();
        return values;
    }

    static Side side(ResultSet rs) throws SQLException {
        String side = rs.getString("side");
        return side == null ? null : Side.parse(side);
    }

    /** The 科目 path of a row; null for an unclassified line. */
    static Subject subject(ResultSet rs) throws SQLException {
        if (rs.getString("kan_name") == null) {
            return null;
        }
        SubjectLevel[] levels = new SubjectLevel[LEVELS.length];
        for (int i = 0; i < LEVELS.length; i++) {
            String name = rs.getString(LEVELS[i] + "_name");
            levels[i] = name == null ? null : SubjectLevel.of(rs.getString(LEVELS[i] + "_code"), name);
        }
        return new Subject(levels[0], levels[1], levels[2], levels[3], levels[4], levels[5]);
    }
}
