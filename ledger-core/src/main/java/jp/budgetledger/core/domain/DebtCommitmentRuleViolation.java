package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.DebtCommitmentId;
import jp.budgetledger.core.api.FiscalYear;

/**
 * A change of a 債務負担行為 breaks one of its rules: an amendment would end its period before it starts
 * ({@code debt-period-ends-before-start}) or change nothing ({@code debt-commitment-unchanged}); or the commitment is
 * abolished ({@code debt-commitment-abolished}, a conflict).
 */
public class DebtCommitmentRuleViolation extends NamedRuleViolation {

    private final boolean conflict;

    private DebtCommitmentRuleViolation(String rule, Concept concept, String message, boolean conflict) {
        super(rule, concept, message);
        this.conflict = conflict;
    }

    static DebtCommitmentRuleViolation periodEndsBeforeStart(FiscalYear from, FiscalYear to) {
        return new DebtCommitmentRuleViolation("debt-period-ends-before-start", Concept.PERIOD,
                "the period would end in " + to.value() + ", before it starts in " + from.value(), false);
    }

    static DebtCommitmentRuleViolation unchanged(DebtCommitmentId id) {
        return new DebtCommitmentRuleViolation("debt-commitment-unchanged", Concept.DEBT_COMMITMENT,
                "the amendment leaves 債務負担行為 " + id + " as it is", false);
    }

    static DebtCommitmentRuleViolation abolished(DebtCommitmentId id) {
        return new DebtCommitmentRuleViolation("debt-commitment-abolished", Concept.DEBT_COMMITMENT,
                "債務負担行為 " + id + " is abolished", true);
    }

    @Override
    public boolean isConflict() {
        return conflict;
    }
}
