package jp.budgetledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Objects;

/**
 * Changes the amount of a budget line, either to {@code newAmount} or by {@code delta}
 * (exactly one of them is set). Rejected when the result is negative, equals the current
 * amount, or does not fit in a long. Produces {@link AmountAmended}; the handler returns an
 * {@link AmendmentResult}.
 */
public record AmendAmount(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        @TargetAggregateVersion Long expectedVersion,
        Money newAmount,
        Money delta,
        ChangeContext change) {

    public AmendAmount {
        Objects.requireNonNull(initiativeId, "initiativeId");
        Objects.requireNonNull(change, "change");
        if ((newAmount == null) == (delta == null)) {
            throw new InvalidValueException(Concept.AMOUNT_CHANGE, "give exactly one of a new amount and a difference");
        }
    }

    public static AmendAmount to(InitiativeId id, Money newAmount, ChangeContext change) {
        return new AmendAmount(id, null, Objects.requireNonNull(newAmount, "newAmount"), null, change);
    }

    public static AmendAmount by(InitiativeId id, Money delta, ChangeContext change) {
        return new AmendAmount(id, null, null, Objects.requireNonNull(delta, "delta"), change);
    }

    /** This command, to be applied only if the line is still at {@code version} (If-Match). */
    public AmendAmount expecting(Long version) {
        return new AmendAmount(initiativeId, version, newAmount, delta, change);
    }
}
