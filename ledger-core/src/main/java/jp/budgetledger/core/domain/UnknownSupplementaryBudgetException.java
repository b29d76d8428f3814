package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.SupplementaryBudgetId;

/** A command names a supplementary budget the ledger does not have. */
public class UnknownSupplementaryBudgetException extends LedgerRuleViolation {

    private final SupplementaryBudgetId id;

    public UnknownSupplementaryBudgetException(SupplementaryBudgetId id) {
        super(null, "no supplementary budget with id " + id);
        this.id = id;
    }

    public SupplementaryBudgetId id() {
        return id;
    }

    @Override
    public String rule() {
        return "unknown-supplementary-budget";
    }
}
