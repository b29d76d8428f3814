package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A supplementary budget was recorded with its items (each line's difference, new lines flagged). */
@Revision("1")
public record SupplementaryBudgetEnacted(SupplementaryBudgetId budgetId, FiscalYear fiscalYear, String name, String reference,
                                         LocalDate resolvedOn, List<Item> items, ChangeContext change) implements LedgerEvent {

    /** One line's difference in this budget. */
    public record Item(InitiativeId initiativeId, Money delta, boolean newLine) {
    }

    public Money total() {
        return items.stream().map(Item::delta).reduce(Money.ZERO, Money::plus);
    }
}
