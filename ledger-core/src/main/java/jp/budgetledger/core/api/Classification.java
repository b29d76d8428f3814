package jp.budgetledger.core.api;

/**
 * Where a line sits in the budget as the law structures it (地方自治法 第209・210・216条): its 会計
 * (一般会計 or a 特別会計), its side (歳入 or 歳出), its 科目 path, and optionally the code of its
 * department (所属) as the budget book prints it. Lines of documents that print no 科目 (the bundled
 * 別紙) have no classification.
 */
public record Classification(SubjectLevel account, Side side, Subject subject, String departmentCode) {

    public static final int MAX_DEPARTMENT_CODE_LENGTH = 20;

    public Classification {
        if (account == null) {
            throw new InvalidValueException("accountName", "must be given (会計)");
        }
        if (side == null) {
            throw new InvalidValueException("side", "must be given: expenditure (歳出) or revenue (歳入)");
        }
        if (subject == null) {
            throw new InvalidValueException("subject", "must be given (款 › 項 › 目)");
        }
        departmentCode = departmentCode == null ? null : Text.optional("departmentCode", Text.key(departmentCode), MAX_DEPARTMENT_CODE_LENGTH);
    }

    /** The same classification with another 科目 path. */
    public Classification withSubject(Subject other) {
        return new Classification(account, side, other, departmentCode);
    }

    /**
     * The 会計, side and 科目 path as a reader sees them, each level with its code when it has one:
     * {@code "1 一般会計 › 歳出 › 2 総務費 › 1 総務管理費 › 1 一般管理費"}.
     */
    public String printedPath() {
        StringBuilder path = new StringBuilder(printed(account)).append(" › ").append(side.japanese());
        for (Subject.Placed placed : subject.levels()) {
            path.append(" › ").append(printed(placed.level()));
        }
        return path.toString();
    }

    private static String printed(SubjectLevel level) {
        return level.code() == null ? level.name() : level.code() + " " + level.name();
    }

    /** The identifying key of the 会計, side and 科目 path: {@code "1|expenditure|2/1/1"}. */
    public String pathKey() {
        return account.key() + "|" + side.code() + "|" + subject.pathKey();
    }
}
