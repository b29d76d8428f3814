package jp.budgetledger.core.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Records {@code bill} as decided by the head in the assembly's place (専決処分, 地方自治法 第179条) on {@code decidedOn}:
 * numbered in its 会計's series and in force from that date, all items or none. It is reported to the assembly later
 * ({@link ReportSenketsuToAssembly}). Produces the lines' events and {@link SupplementaryBudgetEnacted} with procedure
 * {@link BillProcedure#SENKETSU}.
 */
public record DecideSupplementaryBudgetBySenketsu(SupplementaryBill bill, LocalDate decidedOn) implements Proposal {

    public DecideSupplementaryBudgetBySenketsu {
        Objects.requireNonNull(bill, "bill");
        Objects.requireNonNull(decidedOn, "decidedOn");
    }

    /** The bill's reason (or name) and reference, effective on the decision date. */
    @Override
    public ChangeContext change() {
        return bill.changeFrom(decidedOn);
    }

    @Override
    public String changeId() {
        return bill.budgetId().value();
    }
}
