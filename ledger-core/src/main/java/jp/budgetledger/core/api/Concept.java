package jp.budgetledger.core.api;

/**
 * The domain concept a rejected command is about. The ledger names what is wrong in its own
 * terms; each caller (the HTTP API, an import, the command line) says where its user gave it.
 */
public enum Concept {
    /** The amount a new line starts with. */
    LINE_AMOUNT,
    /** The change of a line's amount asked for: the amount moved by a transfer, a new amount or a difference. */
    AMOUNT_CHANGE,
    /** The day from which a change holds. */
    EFFECTIVE_DATE,
    NAME,
    SUMMARY,
    DEPARTMENT,
    CATEGORY,
    /** A line's 会計 (一般会計, a 特別会計). */
    ACCOUNT,
    /** A line's 科目 path (款 › 項 › 目 …). */
    SUBJECT,
    /** The existing line a change is about. */
    LINE,
    /** The line a transfer takes the amount from. */
    SOURCE_LINE,
    /** The line a transfer gives the amount to. */
    DESTINATION_LINE,
    /** The recorded event a correction reverses. */
    CORRECTED_EVENT,
    /** A clause of a fiscal year's 予算総則, named by its article (第5条). */
    CLAUSE,
    /** A 節 the 予算総則 bars as the source of a transfer. */
    BARRED_SETSU,
    /** The fiscal year a change belongs to. */
    FISCAL_YEAR,
    /** The amount carried into the next fiscal year. */
    CARRYOVER_AMOUNT,
    /** A line's 繰越明許費 limit. */
    CARRYOVER_LIMIT,
    /** How an amount is funded (財源内訳). */
    FUNDING,
    /** A 継続費 (a project over several years). */
    CONTINUING_EXPENSE,
    /** One year's share (年割額) of a 継続費. */
    ANNUAL_SHARE,
    /** A 債務負担行為. */
    DEBT_COMMITMENT,
    /** A period of fiscal years. */
    PERIOD,
    /** The budget (当初 or a 補正) an instrument is part of. */
    BASIS,
    /** Whether a fiscal year may be closed before its 出納整理期間 ended (the close's {@code force}). */
    SETTLEMENT;

    /** The concept in words, for messages: {@code effective date}. */
    public String words() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
