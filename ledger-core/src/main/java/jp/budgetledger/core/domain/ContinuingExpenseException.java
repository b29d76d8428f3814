package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;

/**
 * A 継続費 (地方自治法 第212条) or a 逓次繰越 of it that the rules do not allow; {@link #rule()} is one of the constants here.
 * A carry-forward beyond what is unused is a conflict with the 継続費's state (409); every other rule is about the request
 * itself (422).
 */
public class ContinuingExpenseException extends NamedRuleViolation {

    /** The shares (年割額) do not sum exactly to the total. */
    public static final String SHARES_DO_NOT_SUM = "continuing-shares-do-not-sum";
    /** The shares are not one per consecutive fiscal year from the first year on. */
    public static final String SHARES_NOT_CONSECUTIVE = "continuing-shares-not-consecutive";
    /** Fewer than two years: a 継続費 spans years. */
    public static final String SINGLE_YEAR = "continuing-expense-single-year";
    /** A 継続費 is an expense: 歳出 only. */
    public static final String EXPENDITURE_ONLY = "continuing-expense-expenditure-only";
    /** The supplementary budget named as the basis is not in force, or of another year. */
    public static final String BASIS_NOT_IN_FORCE = "continuing-basis-not-in-force";
    /** The ledger has no supplementary budget of the id named as the basis. */
    public static final String UNKNOWN_BASIS = "unknown-supplementary-budget";
    /** A 逓次繰越 from the last year of the period (nothing follows it), or from a year outside it. */
    public static final String CARRY_FROM_LAST_YEAR = "continuing-carry-from-last-year";
    /** A 逓次繰越 of more than the year's unused share. */
    public static final String CARRY_EXCEEDS_UNUSED = "continuing-carry-exceeds-unused";
    /** A 逓次繰越 of nothing (zero or less). */
    public static final String CARRY_NOT_POSITIVE = "continuing-carry-not-positive";
    /** The ledger has no such 継続費. */
    public static final String UNKNOWN = "unknown-continuing-expense";

    ContinuingExpenseException(String rule, Concept concept, String message) {
        super(rule, concept, message);
    }

    @Override
    public boolean isConflict() {
        return CARRY_EXCEEDS_UNUSED.equals(rule());
    }
}
