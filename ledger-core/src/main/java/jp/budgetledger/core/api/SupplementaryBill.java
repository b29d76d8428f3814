package jp.budgetledger.core.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A supplementary budget as a bill (議案) before the ledger numbers it: its id, fiscal year, name, reference, optional 議案番号
 * {@code billNumber}, reason (the name when absent), items, and whether it is one side of a set still being recorded
 * ({@link ChangeContext#partOfSet()}). Submitted ({@link SubmitSupplementaryBudget}) or decided by 専決処分
 * ({@link DecideSupplementaryBudgetBySenketsu}).
 */
public record SupplementaryBill(SupplementaryBudgetId budgetId, FiscalYear fiscalYear, String name, String reference, String billNumber,
                                String reason, List<SupplementaryItem> items, Boolean partOfSet) {

    public SupplementaryBill {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        name = Text.required("name", name, 200);
        reference = Text.optional("reference", reference, ChangeContext.MAX_REFERENCE_LENGTH);
        billNumber = Text.optional("billNumber", billNumber, 100);
        reason = Text.optional("reason", reason, ChangeContext.MAX_REASON_LENGTH);
        items = SupplementaryItem.requireSome(items);
    }

    /** The change context of its items from {@code date}: its reason (or its name), reference and set flag. */
    public ChangeContext changeFrom(LocalDate date) {
        return new ChangeContext(date, reason == null ? name : reason, reference, partOfSet);
    }
}
