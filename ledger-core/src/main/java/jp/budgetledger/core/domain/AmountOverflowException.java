package jp.budgetledger.core.domain;

/** An amendment's result does not fit in the range of exact yen amounts. */
public class AmountOverflowException extends LedgerRuleViolation {

    public AmountOverflowException(String field) {
        super(field, "the resulting amount is out of range");
    }

    @Override
    public String rule() {
        return "amount-out-of-range";
    }
}
