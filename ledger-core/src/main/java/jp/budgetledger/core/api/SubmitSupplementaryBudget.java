package jp.budgetledger.core.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Submits {@code bill} to the assembly on {@code submittedOn}: it is numbered in its 会計's series of the fiscal year and
 * recorded with its items, and nothing is in force until the assembly's resolution ({@link ResolveSupplementaryBudget}). The
 * items are checked as an enactment would check them; a bill that would leave a 会計 with lines on both sides unbalanced is
 * refused unless flagged as part of a set. Produces {@link SupplementaryBudgetSubmitted}.
 */
public record SubmitSupplementaryBudget(SupplementaryBill bill, LocalDate submittedOn) implements Proposal {

    public SubmitSupplementaryBudget {
        Objects.requireNonNull(bill, "bill");
        Objects.requireNonNull(submittedOn, "submittedOn");
    }

    /** The bill's reason (or name) and reference, from the submission date. */
    @Override
    public ChangeContext change() {
        return bill.changeFrom(submittedOn);
    }

    @Override
    public String changeId() {
        return bill.budgetId().value();
    }
}
