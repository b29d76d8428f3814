package jp.budgetledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Objects;

/**
 * Revises a line's name and/or summary (null leaves it as it is). A new name must stay unique
 * within the fiscal year and department. Produces {@link InitiativeRevised}.
 */
public record ReviseInitiative(@TargetAggregateIdentifier InitiativeId initiativeId,
                               @TargetAggregateVersion Long expectedVersion,
                               String name, String summary, ChangeContext change) {
    public ReviseInitiative {
        Objects.requireNonNull(initiativeId, "initiativeId");
        Objects.requireNonNull(change, "change");
        name = Text.optional("name", name, AddInitiative.MAX_NAME_LENGTH);
        summary = Text.optional("summary", summary, AddInitiative.MAX_SUMMARY_LENGTH);
        if (name == null && summary == null) {
            throw new InvalidValueException(Concept.NAME, "give a new name, a new summary, or both");
        }
    }
}
