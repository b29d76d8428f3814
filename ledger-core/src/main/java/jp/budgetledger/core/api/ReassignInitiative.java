package jp.budgetledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Objects;

/**
 * Moves a line to another department (組織改正) and/or category from its effective date; null
 * keeps the current one. Produces {@link InitiativeReassigned}.
 */
public record ReassignInitiative(@TargetAggregateIdentifier InitiativeId initiativeId,
                                 @TargetAggregateVersion Long expectedVersion,
                                 Department department, Category category, ChangeContext change) {
    public ReassignInitiative {
        Objects.requireNonNull(initiativeId, "initiativeId");
        Objects.requireNonNull(change, "change");
        if (department == null && category == null) {
            throw new InvalidValueException(Concept.DEPARTMENT, "give a new department, a new category, or both");
        }
    }
}
