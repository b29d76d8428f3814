package jp.budgetledger.core.domain;

/** The line has no event with that sequence number. */
public class NoSuchEventException extends LedgerRuleViolation {

    public NoSuchEventException(long sequence) {
        super("sequence", "this line has no event " + sequence);
    }

    @Override
    public String rule() {
        return "no-such-event";
    }
}
