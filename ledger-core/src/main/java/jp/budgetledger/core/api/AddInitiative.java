package jp.budgetledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/**
 * Adds a budget line. Rejected when the amount is negative, when the effective date lies
 * outside the fiscal year, or when the fiscal year already has the same line: for a line without a
 * classification, one of the same department and name; for a classified line, one of the same
 * 会計, side, 科目 path and department. A classified line may have no category; an unclassified one
 * must have one. {@code carryoverLimit} (optional) sets the line's 繰越明許費 limit as part of the budget that adds it, checked as
 * {@link SetCarryoverLimit} checks one (not above the amount, not of an 歳入 line). Produces {@link InitiativeAdded} (and
 * {@link CarryoverLimitSet} with a limit); the handler returns the new line's id.
 */
public record AddInitiative(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        FiscalYear fiscalYear,
        Category category,
        Department department,
        String name,
        Money amount,
        String summary,
        ChangeContext change,
        Classification classification,
        Money carryoverLimit) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_SUMMARY_LENGTH = 4000;

    public AddInitiative {
        Objects.requireNonNull(initiativeId, "initiativeId");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        if (category == null && classification == null) {
            throw new InvalidValueException(Concept.CATEGORY, "give a category, or a 会計, side and 科目");
        }
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(change, "change");
        name = Text.required("name", name, MAX_NAME_LENGTH);
        summary = Text.optional("summary", summary, MAX_SUMMARY_LENGTH);
    }

    /** A line without a 繰越明許費 limit. */
    public AddInitiative(InitiativeId initiativeId, FiscalYear fiscalYear, Category category, Department department,
                         String name, Money amount, String summary, ChangeContext change, Classification classification) {
        this(initiativeId, fiscalYear, category, department, name, amount, summary, change, classification, null);
    }

    /** An unclassified line (as before lines had a 会計 and 科目). */
    public AddInitiative(InitiativeId initiativeId, FiscalYear fiscalYear, Category category, Department department,
                         String name, Money amount, String summary, ChangeContext change) {
        this(initiativeId, fiscalYear, category, department, name, amount, summary, change, null);
    }
}
