package jp.budgetledger.core.domain;

/** A resolution names a supplementary budget that is not a submitted bill awaiting the assembly's resolution. */
public class BillNotSubmittedException extends LedgerRuleViolation {

    public BillNotSubmittedException(String budget, String state) {
        super(null, "supplementary budget " + budget + " is " + state + ", not a submitted bill awaiting resolution");
    }

    @Override
    public String rule() {
        return "bill-not-submitted";
    }

    @Override
    public boolean isConflict() {
        return true;
    }
}
