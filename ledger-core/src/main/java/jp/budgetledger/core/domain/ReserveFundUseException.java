package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;

/**
 * A use of a reserve fund (予備費充用, 地方自治法 第217条) that the law does not allow: from a line that
 * is not a 予備費, into a 予備費, into a line on the 歳入 side or of another 会計, or beyond the reserve's
 * balance on some day. {@link #rule()} is one of the constants here.
 */
public class ReserveFundUseException extends NamedRuleViolation {

    public static final String NOT_A_RESERVE_FUND = "not-a-reserve-fund";
    public static final String INTO_RESERVE = "reserve-fund-into-reserve";
    public static final String REVENUE_SIDE = "reserve-fund-revenue-side";
    public static final String ACROSS_ACCOUNT = "reserve-fund-across-account";
    public static final String EXCEEDED = "reserve-fund-exceeded";

    ReserveFundUseException(String rule, Concept concept, String message) {
        super(rule, concept, message);
    }
}
