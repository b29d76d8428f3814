package jp.budgetledger.projections.temporal;

import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Text;

import java.util.List;

/**
 * Which lines a total counts: all of them, or those of one 会計 and/or one side. {@code account} is a
 * 会計's code (compared as {@code SubjectLevel.key()} compares codes: {@code "01"} is {@code "1"}), or
 * the name of a 会計 printed without a code; null for every 会計. A filter naming a 会計 or a side
 * leaves out the lines without a classification.
 */
public record LineFilter(String account, Side side) {

    public static final LineFilter ALL = new LineFilter(null, null);

    public LineFilter {
        account = account == null || account.isBlank() ? null : account.strip();
    }

    /** True when the filter names neither a 会計 nor a side. */
    public boolean isAll() {
        return account == null && side == null;
    }

    /** The conditions on {@code line_state}'s columns, their parameters added to {@code params}. */
    String sql(List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (account != null) {
            List<String> keys = keys();
            sql.append(" AND account_key IN (?, ?)");
            params.addAll(keys);
        }
        if (side != null) {
            sql.append(" AND side = ?");
            params.add(side.code());
        }
        return sql.toString();
    }

    /** The keys a 会計 admitted has: the given text as a code, or as the name of a 会計 without a code. */
    public List<String> keys() {
        String asCode = Text.key(account);
        if (asCode.chars().allMatch(Character::isDigit)) {
            asCode = asCode.replaceFirst("^0+(?=.)", "");
        }
        return List.of(asCode, "name:" + Text.key(account));
    }
}
