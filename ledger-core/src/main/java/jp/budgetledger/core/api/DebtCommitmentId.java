package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;


/** Identifies a 債務負担行為 (地方自治法 第214条); its raw value is a UUID prefixed with {@code dc-}. */
public record DebtCommitmentId(String value) {

    public DebtCommitmentId {
        Identifiers.requireShape("id", value);
    }

    @JsonCreator
    public static DebtCommitmentId of(String value) {
        return new DebtCommitmentId(value);
    }

    public static DebtCommitmentId generate() {
        return new DebtCommitmentId("dc-" + Identifiers.next());
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
