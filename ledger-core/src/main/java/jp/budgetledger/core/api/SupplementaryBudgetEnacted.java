package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A supplementary budget came into force on {@code resolvedOn} with its items (each line's difference, new lines flagged):
 * passed by the assembly, or decided by 専決処分 ({@code procedure} senketsu). {@code number} is its number in the series
 * {@code account} of the year (the 会計's key; null for the series of lines without a 会計). {@code procedure}, {@code number},
 * {@code title} and {@code billNumber} (議案番号) are null in the events recorded before bills were numbered; a null procedure
 * is the assembly's.
 */
@Revision("1")
public record SupplementaryBudgetEnacted(SupplementaryBudgetId budgetId, FiscalYear fiscalYear, String name, String reference,
                                         LocalDate resolvedOn, List<Item> items, ChangeContext change,
                                         @JsonInclude(JsonInclude.Include.NON_NULL) BillProcedure procedure,
                                         @JsonInclude(JsonInclude.Include.NON_NULL) String account,
                                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer number,
                                         @JsonInclude(JsonInclude.Include.NON_NULL) String title,
                                         @JsonInclude(JsonInclude.Include.NON_NULL) String billNumber) implements LedgerEvent {

    /** An event as recorded before bills were numbered. */
    public SupplementaryBudgetEnacted(SupplementaryBudgetId budgetId, FiscalYear fiscalYear, String name, String reference,
                                      LocalDate resolvedOn, List<Item> items, ChangeContext change) {
        this(budgetId, fiscalYear, name, reference, resolvedOn, items, change, null, null, null, null, null);
    }

    /** How it came into force; the assembly's for the events recorded before 専決処分 was. */
    public BillProcedure procedureOrAssembly() {
        return procedure == null ? BillProcedure.ASSEMBLY : procedure;
    }

    /** One line's difference in this budget. */
    public record Item(InitiativeId initiativeId, Money delta, boolean newLine) {
    }

    public Money total() {
        return items.stream().map(Item::delta).reduce(Money.ZERO, Money::plus);
    }
}
