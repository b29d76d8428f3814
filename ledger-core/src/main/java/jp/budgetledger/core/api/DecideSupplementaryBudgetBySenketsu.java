package jp.budgetledger.core.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Records a supplementary budget decided by the head in the assembly's place (専決処分, 地方自治法 第179条) on
 * {@code decidedOn}: numbered in its 会計's series and in force from that date, all items or none. It is reported to the
 * assembly later ({@link ReportSenketsuToAssembly}). Produces the lines' events and {@link SupplementaryBudgetEnacted} with
 * procedure {@link BillProcedure#SENKETSU}.
 */
public record DecideSupplementaryBudgetBySenketsu(SupplementaryBudgetId budgetId, FiscalYear fiscalYear, String name, String reference,
                                                  String billNumber, LocalDate decidedOn, String reason, List<SupplementaryItem> items,
                                                  Boolean partOfSet) implements Proposal {

    public DecideSupplementaryBudgetBySenketsu {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(decidedOn, "decidedOn");
        name = Text.required("name", name, 200);
        reference = Text.optional("reference", reference, ChangeContext.MAX_REFERENCE_LENGTH);
        billNumber = Text.optional("billNumber", billNumber, 100);
        reason = Text.optional("reason", reason, ChangeContext.MAX_REASON_LENGTH);
        items = SupplementaryItem.requireSome(items);
    }

    /** The reason (or the budget's name) and reference, effective on the decision date. */
    @Override
    public ChangeContext change() {
        return new ChangeContext(decidedOn, reason == null ? name : reason, reference, partOfSet);
    }
}
