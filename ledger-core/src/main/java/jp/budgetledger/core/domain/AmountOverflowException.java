package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;

/** An amendment's result does not fit in the range of exact yen amounts. */
public class AmountOverflowException extends LedgerRuleViolation {

    public AmountOverflowException(Concept concept) {
        super(concept, "the resulting amount is out of range");
    }

    @Override
    public String rule() {
        return "amount-out-of-range";
    }
}
