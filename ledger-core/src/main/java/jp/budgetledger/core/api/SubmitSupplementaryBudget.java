package jp.budgetledger.core.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Submits a supplementary budget to the assembly as a bill (議案) on {@code submittedOn}: it is numbered in its 会計's series
 * of the fiscal year and recorded with its items, and nothing is in force until the assembly's resolution
 * ({@link ResolveSupplementaryBudget}). The items are checked as an enactment would check them; a bill that would leave a
 * 会計 with lines on both sides unbalanced is refused unless {@code partOfSet}. Produces {@link SupplementaryBudgetSubmitted}.
 */
public record SubmitSupplementaryBudget(SupplementaryBudgetId budgetId, FiscalYear fiscalYear, String name, String reference,
                                        String billNumber, LocalDate submittedOn, String reason, List<SupplementaryItem> items,
                                        Boolean partOfSet) implements Proposal {

    public SubmitSupplementaryBudget {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(submittedOn, "submittedOn");
        name = Text.required("name", name, 200);
        reference = Text.optional("reference", reference, ChangeContext.MAX_REFERENCE_LENGTH);
        billNumber = Text.optional("billNumber", billNumber, 100);
        reason = Text.optional("reason", reason, ChangeContext.MAX_REASON_LENGTH);
        items = SupplementaryItem.requireSome(items);
    }

    /** The reason (or the bill's name) and reference, from the submission date. */
    @Override
    public ChangeContext change() {
        return new ChangeContext(submittedOn, reason == null ? name : reason, reference, partOfSet);
    }
}
