package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;


/** Identifies a draft (起案) of a change that waits for approval; its raw value is a UUID prefixed with {@code dr-}. */
public record DraftId(String value) {

    public DraftId {
        if (value == null || !value.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidValueException("draftId", "must be 1-64 characters of letters, digits, '-' or '_'");
        }
    }

    @JsonCreator
    public static DraftId of(String value) {
        return new DraftId(value);
    }

    public static DraftId generate() {
        return new DraftId("dr-" + Identifiers.next());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
