package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.SupplementaryBudgetId;

/**
 * The budget an instrument names as its basis is not one it may be part of: no supplementary budget has the id
 * ({@code unknown-supplementary-budget}), it is of another fiscal year ({@code supplementary-budget-of-another-year}), or it
 * is not in force, being still before the assembly or rejected ({@code supplementary-budget-not-in-force}, a conflict).
 */
public class BudgetBasisException extends NamedRuleViolation {

    static final String UNKNOWN = "unknown-supplementary-budget";
    static final String OTHER_YEAR = "supplementary-budget-of-another-year";
    static final String NOT_IN_FORCE = "supplementary-budget-not-in-force";

    private final boolean conflict;

    private BudgetBasisException(String rule, String message, boolean conflict) {
        super(rule, Concept.BASIS, message);
        this.conflict = conflict;
    }

    static BudgetBasisException unknown(SupplementaryBudgetId id) {
        return new BudgetBasisException(UNKNOWN, "no supplementary budget with id " + id, false);
    }

    static BudgetBasisException otherYear(SupplementaryBudgetId id, FiscalYear its, FiscalYear wanted) {
        return new BudgetBasisException(OTHER_YEAR, "supplementary budget " + id + " is of fiscal year " + its.value()
                + ", not of " + wanted.value(), false);
    }

    static BudgetBasisException notInForce(SupplementaryBudgetId id) {
        return new BudgetBasisException(NOT_IN_FORCE, "supplementary budget " + id + " is not in force (not passed, decided or "
                + "amended by the assembly)", true);
    }

    @Override
    public boolean isConflict() {
        return conflict;
    }
}
