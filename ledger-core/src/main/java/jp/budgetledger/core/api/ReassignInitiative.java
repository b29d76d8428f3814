package jp.budgetledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Objects;

/**
 * Moves a line to another department (組織改正), category and/or 科目 (another 目, a re-coded or
 * renamed 科目; same 会計 and side) from its effective date; null keeps the current one. Produces
 * {@link InitiativeReassigned}.
 */
public record ReassignInitiative(@TargetAggregateIdentifier InitiativeId initiativeId,
                                 @TargetAggregateVersion Long expectedVersion,
                                 Department department, Category category, ChangeContext change, Subject subject) {
    public ReassignInitiative {
        Objects.requireNonNull(initiativeId, "initiativeId");
        Objects.requireNonNull(change, "change");
        if (department == null && category == null && subject == null) {
            throw new InvalidValueException(Concept.DEPARTMENT, "give a new department, a new category, a new 科目, or several");
        }
    }

    public ReassignInitiative(InitiativeId initiativeId, Long expectedVersion, Department department, Category category, ChangeContext change) {
        this(initiativeId, expectedVersion, department, category, change, null);
    }
}
