package jp.budgetledger.core.api;

import java.util.Objects;

/**
 * Abolishes (廃止) a 債務負担行為 by {@code supplementaryBudgetId}, a supplementary budget in force of the fiscal year whose
 * budget set it. Produces {@link DebtCommitmentAbolished}; the handler returns the commitment's new version.
 */
public record AbolishDebtCommitment(DebtCommitmentId commitmentId, SupplementaryBudgetId supplementaryBudgetId, ChangeContext change) {

    public AbolishDebtCommitment {
        Objects.requireNonNull(commitmentId, "commitmentId");
        Objects.requireNonNull(change, "change");
        if (supplementaryBudgetId == null) {
            throw new InvalidValueException("supplementaryBudgetId", "is required: a 債務負担行為 is abolished by a supplementary budget");
        }
    }
}
