package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;


/** Identifies a use of a 予備費 (予備費充用); its raw value is a UUID prefixed with {@code rf-}. */
public record ReserveFundUseId(String value) {

    public ReserveFundUseId {
        Identifiers.requireShape("useId", value);
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
