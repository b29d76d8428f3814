package jp.budgetledger.core.api;


import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Records the assembly's resolution of a submitted supplementary budget on {@code resolvedOn}: {@code passed} puts its items
 * in force from that date, {@code amended} (修正可決) puts {@code items} in force instead (required then, and only then),
 * {@code rejected} (否決) changes no line. A bill is resolved once. Produces {@link SupplementaryBudgetResolved} and, unless
 * rejected, the lines' events and {@link SupplementaryBudgetEnacted}.
 */
public record ResolveSupplementaryBudget(SupplementaryBudgetId budgetId, ResolutionOutcome outcome, LocalDate resolvedOn, String reason,
                                         List<SupplementaryItem> items) {

    public ResolveSupplementaryBudget {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(resolvedOn, "resolvedOn");
        reason = Text.optional("reason", reason, ChangeContext.MAX_REASON_LENGTH);
        if (outcome == ResolutionOutcome.AMENDED) {
            items = SupplementaryItem.requireSome(items);
        } else if (items != null && !items.isEmpty()) {
            throw new InvalidValueException("items", "are given only with outcome amended (the items the assembly put in force)");
        } else {
            items = null;
        }
    }
}
