package jp.budgetledger.core.api;

import java.util.Objects;

/**
 * Amends a 債務負担行為 by {@code supplementaryBudgetId}, a supplementary budget in force of the fiscal year whose budget
 * set the commitment: a new 限度額 amount and/or text, and/or a new last year of its period. What is not given stays.
 * Produces {@link DebtCommitmentAmended} (before and after); the handler returns the commitment's new version.
 */
public record AmendDebtCommitment(DebtCommitmentId commitmentId, SupplementaryBudgetId supplementaryBudgetId, Money limitYen,
                                  String limitText, FiscalYear periodTo, ChangeContext change) {

    public AmendDebtCommitment {
        Objects.requireNonNull(commitmentId, "commitmentId");
        Objects.requireNonNull(change, "change");
        if (supplementaryBudgetId == null) {
            throw new InvalidValueException("supplementaryBudgetId", "is required: a 債務負担行為 is amended by a supplementary budget");
        }
        limitText = Text.optional("limitText", limitText, DebtLimit.MAX_TEXT_LENGTH);
        if (limitYen != null && limitYen.isNegative()) {
            throw new InvalidValueException("limitYen", "must not be negative");
        }
        if (limitYen == null && limitText == null && periodTo == null) {
            throw new InvalidValueException("limitYen", "give what the amendment changes: limitYen, limitText or periodTo");
        }
    }
}
