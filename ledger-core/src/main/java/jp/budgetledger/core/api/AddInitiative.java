package jp.budgetledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/**
 * Adds a budget line. Rejected when the amount is negative, when the effective date lies
 * outside the fiscal year, or when the fiscal year already has a line of the same department
 * and name. Produces {@link InitiativeAdded}; the handler returns the new line's id.
 */
public record AddInitiative(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        FiscalYear fiscalYear,
        Category category,
        Department department,
        String name,
        Money amount,
        String summary,
        ChangeContext change) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_SUMMARY_LENGTH = 4000;

    public AddInitiative {
        Objects.requireNonNull(initiativeId, "initiativeId");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(change, "change");
        name = Text.required("name", name, MAX_NAME_LENGTH);
        summary = Text.optional("summary", summary, MAX_SUMMARY_LENGTH);
    }
}
