package jp.budgetledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Objects;

/**
 * Reverses one earlier amendment of a line (by its sequence number) with a compensating
 * {@link AmountAmended} of the opposite difference, effective on the same day, whose cause names
 * the corrected event. Nothing is deleted; an event is corrected at most once.
 */
public record CorrectEvent(@TargetAggregateIdentifier InitiativeId initiativeId,
                           @TargetAggregateVersion Long expectedVersion,
                           long sequence, ChangeContext change) {
    public CorrectEvent {
        Objects.requireNonNull(initiativeId, "initiativeId");
        Objects.requireNonNull(change, "change");
        if (sequence < 0) {
            throw new InvalidValueException(Concept.CORRECTED_EVENT, "must be 0 or more");
        }
    }
}
