package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;


/** Identifies a use of a 予備費 (予備費充用); its raw value is a UUID prefixed with {@code rf-}. */
public record ReserveFundUseId(String value) {

    public ReserveFundUseId {
        if (value == null || !value.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidValueException("useId", "must be 1-64 characters of letters, digits, '-' or '_'");
        }
    }

    @JsonCreator
    public static ReserveFundUseId of(String value) {
        return new ReserveFundUseId(value);
    }

    public static ReserveFundUseId generate() {
        return new ReserveFundUseId("rf-" + Identifiers.next());
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
