package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.Text;

/**
 * What makes a budget line unique: fiscal year, department and name, compared after NFKC
 * normalisation ({@link Text#key}), so ＡＩ活用 and AI活用 are the same line.
 */
public record InitiativeKey(FiscalYear fiscalYear, String department, String name) {

    public static InitiativeKey of(FiscalYear fiscalYear, Department department, String name) {
        return new InitiativeKey(fiscalYear, department.key(), Text.key(name));
    }
}
