package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The assembly's resolution of a submitted supplementary budget: 原案可決, 修正可決 or 否決. */
public enum ResolutionOutcome {
    PASSED("passed"),
    AMENDED("amended"),
    REJECTED("rejected");

    private final String code;

    ResolutionOutcome(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** True when the resolution puts items in force (passed or amended). */
    public boolean inForce() {
        return this != REJECTED;
    }

    /** @throws InvalidValueException on field {@code outcome} for anything but passed, amended or rejected */
    @JsonCreator
    public static ResolutionOutcome parse(String code) {
        return Codes.parse(values(), ResolutionOutcome::code, code, "outcome", "must be passed, amended or rejected");
    }
}
