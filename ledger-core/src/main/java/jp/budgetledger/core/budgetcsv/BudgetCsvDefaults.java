package jp.budgetledger.core.budgetcsv;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.document.AmountUnit;

/**
 * What the caller says about a CSV beyond its contents; every field may be null.
 *
 * @param fiscalYear the year of every row when the file has no 年度 column; when it has one, every row must agree
 * @param side       the side of rows whose file has no 歳入歳出 column or whose cell is empty
 * @param unit       the unit of 予算額 (円 or 千円); when null, the unit the amount's header states
 *                   ({@code 予算額(千円)}), else 円. A stated unit that differs from the header's is a problem.
 */
public record BudgetCsvDefaults(FiscalYear fiscalYear, Side side, AmountUnit unit) {

    public static final BudgetCsvDefaults NONE = new BudgetCsvDefaults(null, null, null);
}
