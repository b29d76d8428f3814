package jp.budgetledger.core.api;

import java.util.Objects;

/**
 * Sets a 債務負担行為 (地方自治法 第214条, 第3表 of the budget book) in {@code fiscalYear}'s budget: the 当初予算 when
 * {@code supplementaryBudgetId} is null, otherwise that supplementary budget of the same year, which must be in force.
 * Its {@code matter} (事項), its 会計 ({@code account}), optionally the department that owns it, its period of fiscal years
 * ({@code periodFrom} ≥ {@code fiscalYear}, {@code periodTo} ≥ {@code periodFrom}) and its {@code limit} (限度額). A
 * commitment is not an amount of any year: no total, balance or stage includes it. Produces {@link DebtCommitmentSet};
 * the handler returns the commitment's version (0).
 */
public record SetDebtCommitment(DebtCommitmentId commitmentId, FiscalYear fiscalYear, String matter, SubjectLevel account,
                                Department department, FiscalYear periodFrom, FiscalYear periodTo, DebtLimit limit,
                                SupplementaryBudgetId supplementaryBudgetId, ChangeContext change) {

    public static final int MAX_MATTER_LENGTH = 500;

    public SetDebtCommitment {
        Objects.requireNonNull(commitmentId, "commitmentId");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(change, "change");
        matter = Text.required("matter", matter, MAX_MATTER_LENGTH);
        if (account == null) {
            throw new InvalidValueException("accountName", "must be given (会計)");
        }
        if (limit == null) {
            throw new InvalidValueException("limitYen", "give the 限度額 as limitYen, limitText or both");
        }
        if (periodFrom == null) {
            throw new InvalidValueException("periodFrom", "must be given (the first fiscal year of the period)");
        }
        if (periodTo == null) {
            throw new InvalidValueException("periodTo", "must be given (the last fiscal year of the period)");
        }
        if (periodFrom.compareTo(fiscalYear) < 0) {
            throw new InvalidValueException("periodFrom", "must not be before the fiscal year " + fiscalYear.value() + " whose budget sets it");
        }
        if (periodTo.compareTo(periodFrom) < 0) {
            throw new InvalidValueException("periodTo", "must not be before periodFrom " + periodFrom.value());
        }
    }
}
