package jp.budgetledger.core.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Records a supplementary budget (補正予算) resolved on {@code resolvedOn}, which is the effective
 * date of all its changes: a bill submitted and passed at once, numbered in its 会計's series like a submitted one
 * ({@link SubmitSupplementaryBudget}), with its optional 議案番号 {@code billNumber}. All items apply or none. Produces the lines' events and
 * {@link SupplementaryBudgetEnacted}. {@code partOfSet} flags it as one side of a set still being recorded
 * (see {@link ChangeContext#partOfSet()}).
 */
public record EnactSupplementaryBudget(SupplementaryBudgetId budgetId, FiscalYear fiscalYear, String name, String reference,
                                       LocalDate resolvedOn, String reason, List<SupplementaryItem> items, Boolean partOfSet,
                                       String billNumber) {

    public EnactSupplementaryBudget {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(resolvedOn, "resolvedOn");
        name = Text.required("name", name, 200);
        reference = Text.optional("reference", reference, ChangeContext.MAX_REFERENCE_LENGTH);
        reason = Text.optional("reason", reason, ChangeContext.MAX_REASON_LENGTH);
        items = SupplementaryItem.requireSome(items);
        billNumber = Text.optional("billNumber", billNumber, 100);
    }

    /** A supplementary budget not flagged as part of a set. */
    public EnactSupplementaryBudget(SupplementaryBudgetId budgetId, FiscalYear fiscalYear, String name, String reference,
                                    LocalDate resolvedOn, String reason, List<SupplementaryItem> items) {
        this(budgetId, fiscalYear, name, reference, resolvedOn, reason, items, null, null);
    }

    /** A supplementary budget without a 議案番号. */
    public EnactSupplementaryBudget(SupplementaryBudgetId budgetId, FiscalYear fiscalYear, String name, String reference,
                                    LocalDate resolvedOn, String reason, List<SupplementaryItem> items, Boolean partOfSet) {
        this(budgetId, fiscalYear, name, reference, resolvedOn, reason, items, partOfSet, null);
    }

    /** The change context its items carry: reason (or the budget's name), reference, and the resolution date. */
    public ChangeContext change() {
        return bill().changeFrom(resolvedOn);
    }

    /** The budget as a bill submitted and passed at once. */
    public SupplementaryBill bill() {
        return new SupplementaryBill(budgetId, fiscalYear, name, reference, billNumber, reason, items, partOfSet);
    }
}
