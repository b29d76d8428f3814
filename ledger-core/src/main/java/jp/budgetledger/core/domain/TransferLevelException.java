package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;

/**
 * A transfer between classified lines would go further than the law and the year's 予算総則 allow
 * (地方自治法 第220条第2項): across 会計 or sides, across 款, across 項 without a clause that covers
 * both lines, from a barred 節, or to or from a 予備費. {@link #rule()} is one of the constants here.
 */
public class TransferLevelException extends NamedRuleViolation {

    public static final String ACROSS_ACCOUNT = "transfer-across-account";
    public static final String ACROSS_SIDE = "transfer-across-side";
    public static final String ACROSS_KAN = "transfer-across-kan";
    public static final String ACROSS_KOU = "transfer-across-kou";
    public static final String UNKNOWN_CLAUSE = "unknown-clause";
    public static final String FROM_BARRED_SETSU = "transfer-from-barred-setsu";
    public static final String TOUCHES_RESERVE_FUND = "transfer-touches-reserve-fund";

    TransferLevelException(String rule, Concept concept, String message) {
        super(rule, concept, message);
    }
}
