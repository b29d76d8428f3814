package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;


/** Identifies a transfer between lines; its raw value is a UUID prefixed with {@code tr-}. */
public record TransferId(String value) {

    public TransferId {
        Identifiers.requireShape("transferId", value);
    }

    @JsonCreator
    public static TransferId of(String value) {
        return new TransferId(value);
    }

    public static TransferId generate() {
        return new TransferId("tr-" + Identifiers.next());
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
