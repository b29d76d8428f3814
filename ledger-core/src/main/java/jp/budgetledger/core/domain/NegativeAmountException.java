package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.Money;

/** A budget line's amount would become negative. */
public class NegativeAmountException extends LedgerRuleViolation {

    public NegativeAmountException(Concept concept, Money wouldBe) {
        super(concept, "the amount of a line cannot be negative (would be " + wouldBe.yen() + " yen)");
    }

    @Override
    public String rule() {
        return "negative-amount";
    }
}
