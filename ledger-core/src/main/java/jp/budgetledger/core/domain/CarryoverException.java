package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;

/**
 * A 繰越明許費 limit or a carry-over (地方自治法 第213条, 第220条第3項) that the law or the line's state does not allow.
 * {@link #rule()} is one of the constants here.
 */
public class CarryoverException extends NamedRuleViolation {

    /** A carry-over or a limit of an 歳入 line: only 歳出 (or unclassified) lines are carried. */
    public static final String REVENUE_SIDE = "carryover-revenue-side";
    /** A limit or a 繰越明許費 of a line that was itself carried from the year before. */
    public static final String CARRIED_LINE = "carryover-of-carried-line";
    /** A limit above the line's amount. */
    public static final String LIMIT_ABOVE_AMOUNT = "carryover-limit-above-amount";
    /** A limit below what was carried from the line under it already. */
    public static final String LIMIT_BELOW_CARRIED = "carryover-limit-below-carried";
    /** A 繰越明許費 of a line without a limit. */
    public static final String NO_LIMIT = "no-carryover-limit";
    /** A 繰越明許費 above the limit less what was carried under it already. */
    public static final String LIMIT_EXCEEDED = "carryover-limit-exceeded";
    /** A carry-over above the line's amount on the year's last day less what was carried already. */
    public static final String EXCEEDS_LINE = "carryover-exceeds-line";
    /** Funding parts that are negative or do not sum to the amount. */
    public static final String FUNDING_MISMATCH = "carryover-funding-mismatch";
    /** A limit citing a supplementary budget the ledger does not have. */
    public static final String UNKNOWN_BUDGET = "unknown-supplementary-budget";
    /** A limit set by a supplementary budget of another year or not in force. */
    public static final String BUDGET_NOT_IN_FORCE = "carryover-limit-budget-not-in-force";

    CarryoverException(String rule, Concept concept, String message) {
        super(rule, concept, message);
    }
}
