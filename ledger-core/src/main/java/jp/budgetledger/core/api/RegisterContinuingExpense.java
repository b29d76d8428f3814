package jp.budgetledger.core.api;

import java.util.List;
import java.util.Objects;

/**
 * Sets a 継続費 (地方自治法 第212条) in the budget of its first year {@code fiscalYear}: a project of the 歳出 side with a
 * {@code total} spread over {@code shares} (年割額), one per consecutive fiscal year from {@code fiscalYear} on, at least two,
 * each zero or more and summing exactly to the total. {@code supplementaryBudgetId} null: set by the 当初予算; otherwise a
 * supplementary budget of the same year in force. Each share becomes a line of its year (its {@link AnnualShare#initiativeId()})
 * classified as given, effective from {@code change}'s effective date in the first year (default 1 April) and from 1 April
 * in the later years. Produces one {@link InitiativeAdded} per share and then {@link ContinuingExpenseRegistered}; the handler
 * returns the 継続費's version (0).
 */
public record RegisterContinuingExpense(
        ContinuingExpenseId continuingExpenseId,
        FiscalYear fiscalYear,
        String name,
        Department department,
        Category category,
        Classification classification,
        Money total,
        List<AnnualShare> shares,
        String supplementaryBudgetId,
        ChangeContext change) {

    public RegisterContinuingExpense {
        Objects.requireNonNull(continuingExpenseId, "continuingExpenseId");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(change, "change");
        if (classification == null) {
            throw new InvalidValueException(Concept.SUBJECT, "a 継続費 needs its 会計, side (歳出) and 科目");
        }
        name = Text.required("name", name, AddInitiative.MAX_NAME_LENGTH);
        shares = List.copyOf(Objects.requireNonNull(shares, "shares"));
    }
}
