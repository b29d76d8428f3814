package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the assembly decided on a 専決処分 reported to it: 承認 or 不承認 (which does not undo it). */
public enum AssemblyReportOutcome {
    APPROVED("approved"),
    DISAPPROVED("disapproved");

    private final String code;

    AssemblyReportOutcome(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** @throws InvalidValueException on field {@code outcome} for anything but approved or disapproved */
    @JsonCreator
    public static AssemblyReportOutcome parse(String code) {
        return Codes.parse(values(), AssemblyReportOutcome::code, code, "outcome", "must be approved or disapproved");
    }
}
