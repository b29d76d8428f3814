package jp.budgetledger.core.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Records that {@code amount} of line {@code fromId} of fiscal year N is carried into N+1: a 繰越明許費繰越 ({@code explicit}, within the
 * line's limit less what was carried from it under that limit) or a 事故繰越し ({@code accident}, with {@code accidentReason});
 * either way within the line's amount in force on 31 March N+1 less what was carried from it already. {@code funding} must sum to
 * the amount. The line keeps its amount (the ledger tracks no payments) and a new line {@code carriedLineId} of N+1, effective
 * 1 April N+1, of the same department and classification, opens with the amount ({@link InitiativeAdded#carriedFrom()}). Recorded
 * until N is closed, also after N ended. Produces {@link AmountCarriedOver} and the new line's {@link InitiativeAdded}.
 */
public record RecordCarryover(
        CarryoverId carryoverId,
        CarryoverKind kind,
        InitiativeId fromId,
        InitiativeId carriedLineId,
        Money amount,
        CarryoverFunding funding,
        String accidentReason,
        LocalDate decidedOn,
        ChangeContext change) {

    public static final int MAX_ACCIDENT_REASON_LENGTH = 1000;

    public RecordCarryover {
        Objects.requireNonNull(carryoverId, "carryoverId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(carriedLineId, "carriedLineId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(funding, "funding");
        Objects.requireNonNull(change, "change");
        if (amount.isNegative() || amount.equals(Money.ZERO)) {
            throw new InvalidValueException(Concept.CARRYOVER_AMOUNT, "must be more than zero");
        }
        accidentReason = kind == CarryoverKind.ACCIDENT
                ? Text.required("accidentReason", accidentReason, MAX_ACCIDENT_REASON_LENGTH)
                : Text.optional("accidentReason", accidentReason, MAX_ACCIDENT_REASON_LENGTH);
    }
}
