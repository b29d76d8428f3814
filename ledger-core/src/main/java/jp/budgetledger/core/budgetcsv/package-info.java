/**
 * Budget CSVs as municipalities publish them in open data: one row per budget line, columns named
 * by a header (年度, 会計, 歳入歳出, 款, 項, 目, 事業/細目, 節, 細節, 所属, 予算額), or the outline of a budget book
 * (款,項,目,節,説明 and a column per year, one row per 科目 with its subtotal, every subtotal checked). The parser turns the
 * bytes into classified rows and reports every problem with its line number and column. No Spring,
 * no I/O beyond the bytes handed in.
 */
package jp.budgetledger.core.budgetcsv;
