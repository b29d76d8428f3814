package jp.budgetledger.core.api;

import java.time.LocalDate;

/**
 * Why and from when a change applies. Every command carries one and every event records the
 * resolved form. {@code reason} is required; {@code reference} (e.g. 議案第49号) is optional;
 * {@code effectiveDate} is the day the change takes effect and may be null in a command, in
 * which case the aggregate resolves it (April 1 of the fiscal year). In events it is never null.
 * Who made the change is not part of the payload: it travels in the message metadata.
 */
public record ChangeContext(LocalDate effectiveDate, String reason, String reference) {

    public static final int MAX_REASON_LENGTH = 1000;
    public static final int MAX_REFERENCE_LENGTH = 200;

    public ChangeContext {
        reason = Text.required("reason", reason, MAX_REASON_LENGTH);
        reference = Text.optional("reference", reference, MAX_REFERENCE_LENGTH);
    }

    public static ChangeContext of(String reason) {
        return new ChangeContext(null, reason, null);
    }

    /** This context with the effective date filled in, if it was absent. */
    public ChangeContext withDefaultEffectiveDate(LocalDate defaultDate) {
        return effectiveDate != null ? this : new ChangeContext(defaultDate, reason, reference);
    }
}
