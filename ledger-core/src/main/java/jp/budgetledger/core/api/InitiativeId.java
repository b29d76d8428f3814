package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies one budget line (initiative). The raw value is 1–64 characters of {@code [A-Za-z0-9_-]}. */
public record InitiativeId(String value) {

    public InitiativeId {
        Identifiers.requireShape("id", value);
    }

    @JsonCreator
    public static InitiativeId of(String value) {
        return new InitiativeId(value);
    }

    public static InitiativeId generate() {
        return new InitiativeId(Identifiers.next().toString());
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
