package jp.budgetledger.core.api;

/** A 節 that a fiscal year's 予算総則 (or the executive's rules) bars as the source of a transfer (e.g. 交際費), and why. */
public record BarredSetsu(SubjectLevel setsu, String reason) {

    public static final int MAX_REASON_LENGTH = 1000;

    public BarredSetsu {
        if (setsu == null) {
            throw new InvalidValueException("setsu", "must be given (the 節 barred as a source)");
        }
        reason = Text.required("reason", reason, MAX_REASON_LENGTH);
    }
}
