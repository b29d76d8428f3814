package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.Money;

/** An amendment would leave the amount as it is. */
public class UnchangedAmountException extends LedgerRuleViolation {

    public UnchangedAmountException(Concept concept, Money current) {
        super(concept, "the amount is already " + current.yen() + " yen; an amendment must change it");
    }

    @Override
    public String rule() {
        return "unchanged-amount";
    }
}
