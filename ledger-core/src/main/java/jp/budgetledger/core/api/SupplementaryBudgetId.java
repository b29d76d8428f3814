package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;


/** Identifies a supplementary budget (補正予算); its raw value is a UUID prefixed with {@code sb-}. */
public record SupplementaryBudgetId(String value) {

    public SupplementaryBudgetId {
        Identifiers.requireShape("id", value);
    }

    @JsonCreator
    public static SupplementaryBudgetId of(String value) {
        return new SupplementaryBudgetId(value);
    }

    public static SupplementaryBudgetId generate() {
        return new SupplementaryBudgetId("sb-" + Identifiers.next());
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
