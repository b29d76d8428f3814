package jp.budgetledger.core.domain;

/**
 * A supplementary budget's items are in more than one 会計 (or some have a 会計 and some have none): a bill belongs to one
 * 会計, whose series numbers it, so each 会計 needs its own bill.
 */
public class BillAcrossAccountsException extends LedgerRuleViolation {

    public BillAcrossAccountsException(String first, String other) {
        super(null, "a supplementary budget belongs to one 会計: its items are in " + first + " and in " + other
                + " (submit one bill per 会計)");
    }

    @Override
    public String rule() {
        return "bill-across-accounts";
    }
}
