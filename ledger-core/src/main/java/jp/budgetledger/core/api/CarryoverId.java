package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a carry-over (繰越明許費繰越 or 事故繰越) of a line into the next fiscal year; its raw value is a UUID prefixed with {@code co-}. */
public record CarryoverId(String value) {

    public CarryoverId {
        Identifiers.requireShape("carryoverId", value);
    }

    @JsonCreator
    public static CarryoverId of(String value) {
        return new CarryoverId(value);
    }

    public static CarryoverId generate() {
        return new CarryoverId("co-" + Identifiers.next());
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
