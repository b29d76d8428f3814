package jp.budgetledger.core.api;

/**
 * A 会計's reserve fund (予備費, 地方自治法 第217条): the line whose 款 is named 予備費 (compared as
 * {@link Text#key} compares names). Unclassified lines are never a reserve fund.
 */
public final class ReserveFund {

    /** The name of the 款 of a reserve fund. */
    public static final String KAN_NAME = "予備費";

    private ReserveFund() {
    }

    /** True when {@code classification} places a line in its 会計's 予備費. */
    public static boolean is(Classification classification) {
        return classification != null && isKan(classification.subject().kan());
    }

    /** True when {@code kan} is the 款 of a reserve fund. */
    public static boolean isKan(SubjectLevel kan) {
        return kan != null && Text.key(KAN_NAME).equals(Text.key(kan.name()));
    }
}
