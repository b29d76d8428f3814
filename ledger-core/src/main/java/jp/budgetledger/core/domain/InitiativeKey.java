package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.Text;

/**
 * What makes a budget line unique within a fiscal year, compared after NFKC normalisation
 * ({@link Text#key}), so ＡＩ活用 and AI活用 are the same line: for a line without a classification, its
 * department and name; for a classified line, its department and its 会計, side and 科目 path (two
 * departments may share one path), held in {@code name} as {@code "科目:" + }{@link Classification#pathKey()}.
 */
public record InitiativeKey(FiscalYear fiscalYear, String department, String name) {

    public static InitiativeKey of(FiscalYear fiscalYear, Department department, String name) {
        return new InitiativeKey(fiscalYear, department.key(), Text.key(name));
    }

    /** The key of a line with {@code classification} (null: the key of an unclassified line). */
    public static InitiativeKey of(FiscalYear fiscalYear, Department department, String name, Classification classification) {
        if (classification == null) {
            return of(fiscalYear, department, name);
        }
        return new InitiativeKey(fiscalYear, department.key(), "科目:" + classification.pathKey());
    }

    /**
     * The key of a line a carry-over opened ({@code carryover}): its own, so that it never clashes with a line of the year of the
     * same name or 科目 (the year's own budget for the same 事業).
     */
    public static InitiativeKey carried(FiscalYear fiscalYear, Department department, jp.budgetledger.core.api.CarryoverId carryover) {
        return new InitiativeKey(fiscalYear, department.key(), "繰越:" + carryover.value());
    }
}
