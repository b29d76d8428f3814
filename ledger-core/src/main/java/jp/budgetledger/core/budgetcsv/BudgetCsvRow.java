package jp.budgetledger.core.budgetcsv;

import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.Money;

/**
 * One budget line read from a CSV.
 *
 * @param row            the line number in the file (1 is the header)
 * @param classification its 会計, side, 科目 path and department code
 * @param department     its 所属
 * @param name           the name of its deepest 科目 level
 * @param amount         exact yen, zero or more
 */
public record BudgetCsvRow(int row, Classification classification, Department department, String name, Money amount) {
}
