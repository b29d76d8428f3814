package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An organisational unit that owns budget lines (部局), such as 総務部. The name is kept as
 * written (cleaned of surrounding white space); {@link #key()} compares spellings that differ
 * only in full-width/half-width forms as equal. Serialised as a JSON string.
 */
public record Department(String name) {

    public static final int MAX_LENGTH = 100;

    public Department {
        name = Text.required("department", name, MAX_LENGTH);
    }

    @JsonCreator
    public static Department of(String name) {
        return new Department(name);
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    public String key() {
        return Text.key(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
