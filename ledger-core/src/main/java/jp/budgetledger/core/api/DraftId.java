package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;


/** Identifies a draft (起案) of a change that waits for approval; its raw value is a UUID prefixed with {@code dr-}. */
public record DraftId(String value) {

    public DraftId {
        Identifiers.requireShape("draftId", value);
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
