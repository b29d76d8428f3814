package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a 継続費 (地方自治法 第212条); its raw value is a UUID prefixed with {@code ce-}. */
public record ContinuingExpenseId(String value) {

    public ContinuingExpenseId {
        Identifiers.requireShape("continuingExpenseId", value);
    }

    @JsonCreator
    public static ContinuingExpenseId of(String value) {
        return new ContinuingExpenseId(value);
    }

    public static ContinuingExpenseId generate() {
        return new ContinuingExpenseId("ce-" + Identifiers.next());
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
