package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * Why and from when a change applies. Every command carries one and every event records the
 * resolved form. {@code reason} is required; {@code reference} (e.g. 議案第49号) is optional;
 * {@code effectiveDate} is the day the change takes effect and may be null in a command, in
 * which case the aggregate resolves it (April 1 of the fiscal year). In events it is never null.
 * {@code partOfSet} is {@code true} when the change is one side of a set still being recorded (an
 * import of an expenditure book before its revenue book): a 会計 may then be left unbalanced. It is
 * null otherwise (false is read as null), and in every event recorded before it existed.
 * Who made the change is not part of the payload: it travels in the message metadata.
 */
public record ChangeContext(LocalDate effectiveDate, String reason, String reference,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean partOfSet) {

    public static final int MAX_REASON_LENGTH = 1000;
    public static final int MAX_REFERENCE_LENGTH = 200;

    public ChangeContext {
        reason = Text.required("reason", reason, MAX_REASON_LENGTH);
        reference = Text.optional("reference", reference, MAX_REFERENCE_LENGTH);
        partOfSet = Boolean.TRUE.equals(partOfSet) ? Boolean.TRUE : null;
    }

    /** A change that is not flagged as part of a set. */
    public ChangeContext(LocalDate effectiveDate, String reason, String reference) {
        this(effectiveDate, reason, reference, null);
    }

    public static ChangeContext of(String reason) {
        return new ChangeContext(null, reason, null);
    }

    /** True when the change says it is one side of a set still being recorded. */
    public boolean flaggedAsPartOfSet() {
        return Boolean.TRUE.equals(partOfSet);
    }

    /** This context flagged as one side of a set still being recorded. */
    public ChangeContext asPartOfSet() {
        return new ChangeContext(effectiveDate, reason, reference, Boolean.TRUE);
    }

    /** This context with the effective date filled in, if it was absent. */
    public ChangeContext withDefaultEffectiveDate(LocalDate defaultDate) {
        return effectiveDate != null ? this : new ChangeContext(defaultDate, reason, reference, partOfSet);
    }

    /** This context with another effective date. */
    public ChangeContext from(LocalDate effectiveDate) {
        return new ChangeContext(effectiveDate, reason, reference, partOfSet);
    }
}
